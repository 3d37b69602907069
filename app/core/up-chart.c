/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-chart"

#include "config.h"

#include <glib/gi18n.h>
#include <hb-ot.h>
#include <math.h>
#include <string.h>

#include "up-chart-private.h"

/* The entry points of the charts and what they share: the page, the header
 * (title, project, organisation, date), the legend and text with Pango. */

static const char * const kind_names[] = { "wheel", "bars", "matrix", "grid", "report", "timeline" };

static const char * const kind_titles[] = {
  N_("Agenda 2030 coverage"),
  N_("Coverage per goal"),
  N_("Stages and goals"),
  N_("Stakeholders: influence and interest"),
  N_("Agenda 2030 report"),
  N_("Procurement timeline"),
};

static guint n_cut;
static guint n_ellipsized;
static const char *font_family = UP_CHART_FONT;
static double min_size = G_MAXDOUBLE;
G_LOCK_DEFINE_STATIC (min_size);

guint
_up_chart_get_n_cut (void)
{
  return g_atomic_int_get (&n_cut);
}

guint
_up_chart_get_n_ellipsized (void)
{
  return g_atomic_int_get (&n_ellipsized);
}

void
_up_chart_reset_n_cut (void)
{
  g_atomic_int_set (&n_cut, 0);
  g_atomic_int_set (&n_ellipsized, 0);
  G_LOCK (min_size);
  min_size = G_MAXDOUBLE;
  G_UNLOCK (min_size);
}

void
_up_chart_set_font (const char *family)
{
  font_family = family != NULL ? family : UP_CHART_FONT;
}

double
_up_chart_get_min_text_size (void)
{
  double size;

  G_LOCK (min_size);
  size = min_size;
  G_UNLOCK (min_size);
  return size;
}

void
_up_chart_parse_colour (const char *hex,
                        UpRgba     *rgba)
{
  guint value = 0;

  if (hex != NULL && hex[0] == '#' && strlen (hex) == 7)
    value = (guint) g_ascii_strtoull (hex + 1, NULL, 16);

  rgba->r = ((value >> 16) & 0xff) / 255.0;
  rgba->g = ((value >> 8) & 0xff) / 255.0;
  rgba->b = (value & 0xff) / 255.0;
  rgba->a = 1.0;
}

void
_up_chart_set_colour (cairo_t      *cr,
                      const UpRgba *rgba)
{
  cairo_set_source_rgba (cr, rgba->r, rgba->g, rgba->b, rgba->a);
}

void
_up_chart_set_goal_colour (cairo_t *cr,
                           guint    goal,
                           double   alpha)
{
  UpRgba rgba;

  _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &rgba);
  cairo_set_source_rgba (cr, rgba.r, rgba.g, rgba.b, alpha);
}

/* How far the light colour of a dark page is lightened towards white. */
#define DARK_LIGHTEN 0.5

void
_up_chart_set_goal_light (UpChartContext *ctx,
                          guint           goal,
                          double          alpha)
{
  UpRgba rgba;

  /* On white (every export), the colour at @alpha. On a dark page that is
   * a darker colour on dark, and the dark goals (17, 8, 16) hardly showed
   * (a contrast of 1.2 to 1.5 against the wheel's track): there the light
   * colour is light, the colour lightened towards white, as on paper. */
  if (!ctx->options->dark)
    {
      _up_chart_set_goal_colour (ctx->cr, goal, alpha);
      return;
    }
  _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &rgba);
  cairo_set_source_rgb (ctx->cr,
                        rgba.r + (1 - rgba.r) * DARK_LIGHTEN,
                        rgba.g + (1 - rgba.g) * DARK_LIGHTEN,
                        rgba.b + (1 - rgba.b) * DARK_LIGHTEN);
}

/* WCAG's relative luminance of a colour (sRGB). */
static double
relative_luminance (const UpRgba *rgba)
{
  double c[3] = { rgba->r, rgba->g, rgba->b };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/* The relative luminance at which white and the near-black text (0.12)
 * stand out equally: (1 + 0.05) / (L + 0.05) = (L + 0.05) / (0.0134 + 0.05). */
#define EQUAL_CONTRAST_LUMINANCE 0.208

void
_up_chart_contrast_colour (const UpRgba *background,
                           UpRgba       *text)
{
  /* White or near-black, whichever stands out more (WCAG's contrast
   * ratio): white on goal 9's orange was 2.9:1, near-black is 5.7:1; on
   * every SDG colour the better of the two reaches 4.5:1. */
  if (relative_luminance (background) > EQUAL_CONTRAST_LUMINANCE)
    *text = (UpRgba) { 0.12, 0.12, 0.12, 1.0 };
  else
    *text = (UpRgba) { 1.0, 1.0, 1.0, 1.0 };
}

void
_up_chart_context_init (UpChartContext       *ctx,
                        cairo_t              *cr,
                        UpProject            *project,
                        const UpChartOptions *options,
                        gboolean              with_coverage)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->cr = cr;
  ctx->project = project;
  ctx->options = options;
  ctx->lang = options->lang;
  {
    cairo_surface_type_t target = cairo_surface_get_type (cairo_get_target (cr));

    ctx->on_image = target == CAIRO_SURFACE_TYPE_IMAGE;
    ctx->in_file = target == CAIRO_SURFACE_TYPE_PDF || target == CAIRO_SURFACE_TYPE_SVG ||
                   target == CAIRO_SURFACE_TYPE_PS;
  }
  /* Geometry helpers run on every pointer motion of a drag: they skip
   * the coverage, which only the drawing of some charts reads. */
  if (with_coverage)
    _up_chart_coverage (ctx);

  if (options->dark)
    {
      ctx->bg = (UpRgba) { 0.14, 0.14, 0.14, 1.0 };
      ctx->fg = (UpRgba) { 1.0, 1.0, 1.0, 1.0 };
      ctx->dim = (UpRgba) { 0.78, 0.78, 0.78, 1.0 };
      ctx->line = (UpRgba) { 0.36, 0.36, 0.36, 1.0 };
      ctx->grey = (UpRgba) { 0.29, 0.29, 0.29, 1.0 };
      ctx->negative = (UpRgba) { 0.96, 0.96, 0.96, 1.0 };
    }
  else
    {
      ctx->bg = (UpRgba) { 1.0, 1.0, 1.0, 1.0 };
      ctx->fg = (UpRgba) { 0.12, 0.12, 0.12, 1.0 };
      ctx->dim = (UpRgba) { 0.34, 0.34, 0.36, 1.0 };
      ctx->line = (UpRgba) { 0.78, 0.78, 0.78, 1.0 };
      ctx->grey = (UpRgba) { 0.82, 0.82, 0.82, 1.0 };
      ctx->negative = (UpRgba) { 0.16, 0.16, 0.16, 1.0 };
    }
}

UpCounted
_up_chart_counted (UpChartContext *ctx)
{
  if (ctx->options->local_goal == NULL)
    return UP_COUNTED_PROCUREMENT;
  return g_strcmp0 (up_local_goal_get_level (ctx->options->local_goal), "regional") == 0
         ? UP_COUNTED_REGIONAL_GOAL : UP_COUNTED_LOCAL_GOAL;
}

const char *
_up_chart_count_line (UpChartContext *ctx)
{
  switch (_up_chart_counted (ctx))
    {
    case UP_COUNTED_LOCAL_GOAL:
      /* Translators: the legend of the count beside each goal in a chart
       * of one local goal, which counts the links of the stages linked to
       * that goal; "the global goal" is the goal of Agenda 2030. */
      return up_lang_gettext (ctx->lang, N_("n/m: the local goal’s stages serve n of the global goal’s m targets"));
    case UP_COUNTED_REGIONAL_GOAL:
      /* Translators: as the line before, in a chart of one regional goal. */
      return up_lang_gettext (ctx->lang, N_("n/m: the regional goal’s stages serve n of the global goal’s m targets"));
    case UP_COUNTED_PROCUREMENT:
    default:
      /* Translators: the legend of the count beside each goal; a target only
       * harmed is not served, and is counted in the striped band. */
      return up_lang_gettext (ctx->lang, N_("n/m: the procurement serves n of the goal’s m targets"));
    }
}

UpCoverage *
_up_chart_coverage (UpChartContext *ctx)
{
  if (ctx->coverage == NULL)
    ctx->coverage = ctx->options->coverage != NULL
                    ? up_coverage_ref (ctx->options->coverage)
                    : up_coverage_new (ctx->project, ctx->options->local_goal);
  return ctx->coverage;
}

void
_up_chart_context_clear (UpChartContext *ctx)
{
  g_clear_pointer (&ctx->full_cells, g_ptr_array_unref);
  g_clear_pointer (&ctx->cut_ids, g_array_unref);
  g_clear_pointer (&ctx->cut_names, g_ptr_array_unref);
  g_clear_object (&ctx->row_stages);
  g_clear_pointer (&ctx->matrix_rows, g_free);
  g_clear_pointer (&ctx->timeline_rows, g_free);
  g_clear_pointer (&ctx->row_frame, g_free);
  g_clear_pointer (&ctx->matrix_chips, cairo_surface_destroy);
  g_clear_pointer (&ctx->matrix_notes, g_free);
  g_clear_pointer (&ctx->emoji_pictures, g_hash_table_unref);
  g_clear_pointer (&ctx->coverage, up_coverage_unref);
  g_clear_pointer (&ctx->layouts, g_hash_table_unref);
  g_clear_pointer (&ctx->lines, g_hash_table_unref);
  g_clear_pointer (&ctx->coverages, g_hash_table_unref);
  g_clear_pointer (&ctx->first_fonts, g_array_unref);
  g_clear_pointer (&ctx->pango_contexts, g_ptr_array_unref);
  g_clear_pointer (&ctx->font, pango_font_description_free);
}

cairo_t *
_up_chart_measure_cr (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  return cr;
}

char *
_up_chart_clean_text (const char *text,
                      gsize       max_chars)
{
  g_autofree char *valid = NULL;
  const char *p;
  GString *out;
  gsize n = 0;

  if (text == NULL)
    return g_strdup ("");

  /* Only the head of a huge text can ever show: validate no more than that. */
  valid = g_utf8_make_valid (text, MIN (strlen (text), max_chars * 4 + 4));
  out = g_string_sized_new (MIN (strlen (valid), max_chars * 4) + 4);

  for (p = valid; *p != '\0' && n < max_chars; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      /* Control characters (a newline in a title among them) would break
       * the line count a box was laid out for. */
      if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }

  if (*p != '\0' || strlen (text) > max_chars * 4 + 4)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

/* What a layout is made of: the same text at the same size, flags and
 * width, under the same scale and rotation, is the same layout. */
typedef struct
{
  char        *text;
  double       size;
  double       width;
  double       matrix[4];
  UpTextFlags  flags;
  int          max_lines;
} LayoutKey;

static guint
layout_key_hash (gconstpointer data)
{
  const LayoutKey *key = data;

  return g_str_hash (key->text) ^ (guint) (key->size * 64) ^ ((guint) key->flags << 24)
         ^ (guint) (key->width * 8) ^ ((guint) key->max_lines << 16);
}

static gboolean
layout_key_equal (gconstpointer a,
                  gconstpointer b)
{
  const LayoutKey *x = a, *y = b;

  return x->size == y->size && x->width == y->width && x->flags == y->flags
         && x->max_lines == y->max_lines
         && memcmp (x->matrix, y->matrix, sizeof x->matrix) == 0
         && strcmp (x->text, y->text) == 0;
}

static void
layout_key_free (gpointer data)
{
  LayoutKey *key = data;

  g_free (key->text);
  g_free (key);
}

/* The Pango context for text under the current transform (its scale and
 * rotation): one for each transform a chart draws under, set up once and
 * shared by its layouts. */
static PangoContext *
get_pango_context (UpChartContext *ctx,
                   const double    matrix[4])
{
  PangoContext *context;
  cairo_font_options_t *font_options;

  if (ctx->pango_contexts == NULL)
    ctx->pango_contexts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < ctx->pango_contexts->len; i++)
    {
      const PangoMatrix *m;

      context = g_ptr_array_index (ctx->pango_contexts, i);
      m = pango_context_get_matrix (context);
      if (m != NULL && m->xx == matrix[0] && m->yx == matrix[1] && m->xy == matrix[2] && m->yy == matrix[3])
        return context;
    }

  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_update_context (ctx->cr, context);
  /* Points as units whatever the surface, and the same metrics on screen,
   * in PNG, SVG and PDF: hinted metrics would let a label that fits in
   * the PDF overflow on screen. */
  pango_cairo_context_set_resolution (context, 72.0);
  /* A chart reads from left to right, its lines too: a context's weak
   * direction let the first letter decide, and a line that began in
   * Arabic ("<organisation> · lokalt mål: …") was laid out from the
   * right, its parts in mirrored order. */
  pango_context_set_base_dir (context, PANGO_DIRECTION_LTR);
  font_options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (font_options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (font_options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, font_options);
  cairo_font_options_destroy (font_options);
  /* Glyphs placed at whole units of the chart's own space land a fraction
   * of a pixel apart when the chart is drawn smaller than its natural size
   * (in the window): "Hol m", "Stand still". Unrounded, the spacing is the
   * font's at every scale. */
  pango_context_set_round_glyph_positions (context, FALSE);
  g_ptr_array_add (ctx->pango_contexts, context);

  return context;
}

/* The charts' font at @size (and bold where @flags say so). */
static PangoFontDescription *
describe_font (UpChartContext *ctx,
               double          size,
               UpTextFlags     flags)
{
  PangoFontDescription *font;

  if (ctx->font == NULL)
    ctx->font = pango_font_description_from_string (font_family);
  font = pango_font_description_copy_static (ctx->font);

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  G_LOCK (min_size);
  min_size = MIN (min_size, size);
  G_UNLOCK (min_size);
  if (flags & UP_TEXT_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

static PangoFont *first_font (UpChartContext *ctx,
                              PangoContext   *context,
                              double          size,
                              UpTextFlags     flags);

static PangoLayout *
make_layout (UpChartContext *ctx,
             const double    matrix[4],
             const char     *text,
             double          size,
             UpTextFlags     flags,
             double          width,
             int             max_lines)
{
  PangoContext *context = get_pango_context (ctx, matrix);
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = describe_font (ctx, size, flags);

  pango_layout_set_font_description (layout, font);

  /* A chart reads from left to right: a name in Arabic or Hebrew keeps its
   * letters' order but starts where the others start, beside its mark,
   * not at the far end of its box (the context is left to right). */
  pango_layout_set_auto_dir (layout, FALSE);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
      if (max_lines == 0)
        pango_layout_set_height (layout, -1000);
    }
  /* Two lines of 8 pt at the font's own spacing are some 20 pt tall,
   * more than a timeline row holds: they come closer by 15 % of the
   * font's line. Not as a factor of the line's height (Pango's line
   * spacing): Pango 1.50 takes that height from the fonts of the line
   * itself, which a colour emoji font gives as next to none, and an emoji
   * alone on the second line was drawn over the first. The line's height
   * from HarfBuzz, in the layout's units at any scale: Pango 1.50.12's
   * font metrics under a context's matrix are its scale times too small
   * (9,831 units for 8 pt at 1, 2,457 at 4), and in a PNG (twice the
   * size) and on screen the lines came as much less close: the two lines
   * of a timeline's row reached into the next row, a coloured pixel of an
   * emoji that wrapped onto the second line, a grey one of a "g". */
  if (flags & UP_TEXT_TIGHT)
    {
      PangoFont *first = first_font (ctx, context, size, flags);

      if (first != NULL)
        {
          hb_font_extents_t extents;

          hb_font_get_h_extents (pango_font_get_hb_font (first), &extents);
          pango_layout_set_spacing (layout, -(int) lround (0.15 * (extents.ascender - extents.descender +
                                                                   extents.line_gap)));
        }
    }
  if (width > 0 && (flags & UP_TEXT_KEEP_END))
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);

  if (flags & UP_TEXT_CENTRE)
    pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  else if (flags & UP_TEXT_RIGHT)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);

  pango_layout_set_text (layout, text != NULL ? text : "", -1);

  if ((flags & UP_TEXT_MUST_FIT) && pango_layout_is_ellipsized (layout))
    {
      g_atomic_int_inc (&n_cut);
      g_debug ("A chart label was cut: %s", text);
    }

  return layout;
}

/* The key of @text as drawn under the current transform. */
static void
layout_key_init (UpChartContext *ctx,
                 LayoutKey      *key,
                 const char     *text,
                 double          size,
                 UpTextFlags     flags,
                 double          width,
                 int             max_lines)
{
  cairo_matrix_t ctm;

  cairo_get_matrix (ctx->cr, &ctm);
  *key = (LayoutKey) { (char *) (text != NULL ? text : ""), size, width,
                       { ctm.xx, ctm.yx, ctm.xy, ctm.yy }, flags, max_lines };
}

static LayoutKey *
layout_key_copy (const LayoutKey *key)
{
  LayoutKey *stored = g_memdup2 (key, sizeof *key);

  stored->text = g_strdup (key->text);
  return stored;
}

/* A layout of @text; the caller owns a reference. Layouts are kept for the
 * drawing of one chart: a matrix writes the same digit in thousands of
 * cells, and making a layout costs more than drawing it. */
PangoLayout *
_up_chart_layout (UpChartContext *ctx,
                  const char     *text,
                  double          size,
                  UpTextFlags     flags,
                  double          width,
                  int             max_lines)
{
  LayoutKey key;
  PangoLayout *layout;

  layout_key_init (ctx, &key, text, size, flags, width, max_lines);
  if (ctx->layouts == NULL)
    ctx->layouts = g_hash_table_new_full (layout_key_hash, layout_key_equal,
                                          layout_key_free, g_object_unref);

  layout = g_hash_table_lookup (ctx->layouts, &key);
  if (layout == NULL)
    {
      layout = make_layout (ctx, key.matrix, key.text, size, flags, width, max_lines);
      g_hash_table_insert (ctx->layouts, layout_key_copy (&key), layout);
    }

  return g_object_ref (layout);
}

/* A text in one line of one font, as a layout of no width lays it out:
 * its glyphs, its logical width and height, and its baseline, in Pango
 * units. */
typedef struct
{
  PangoFont        *font;       /* NULL: the text needs a layout */
  PangoGlyphString *glyphs;
  int               x;
  int               width;
  int               height;
  int               baseline;
} ShapedLine;

static void
shaped_line_free (gpointer data)
{
  ShapedLine *line = data;

  g_clear_object (&line->font);
  g_clear_pointer (&line->glyphs, pango_glyph_string_free);
  g_free (line);
}

/* Characters a layout gives no treatment of their own: no right-to-left
 * run, no emoji, no control or invisible character, no line separator
 * (Latin, Greek, Cyrillic and Armenian letters, their marks, punctuation
 * and currency signs). */
static gboolean
is_plain_char (gunichar c)
{
  return (c >= 0x20 && c < 0x7f)
         || (c >= 0xa0 && c < 0x590 && c != 0xad)
         || (c >= 0x2010 && c <= 0x2027)
         || (c >= 0x2030 && c <= 0x205e)
         || (c >= 0x20a0 && c <= 0x20c0);
}

/* Which plain characters a font has, asked once each: Pango asks
 * Fontconfig's character set, which costs more than shaping the char. */
#define N_PLAIN_SLOTS (0x590 + 0xd0)

typedef struct
{
  guint32 known[(N_PLAIN_SLOTS + 31) / 32];
  guint32 has[(N_PLAIN_SLOTS + 31) / 32];
} PlainCoverage;

static gboolean
font_has_plain_char (UpChartContext *ctx,
                     PangoFont      *font,
                     gunichar        c)
{
  PlainCoverage *coverage;
  guint slot = c < 0x590 ? c : 0x590 + (c - 0x2000);
  guint32 bit = 1u << (slot % 32);

  g_assert (slot < N_PLAIN_SLOTS);
  if (ctx->coverages == NULL)
    ctx->coverages = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  coverage = g_hash_table_lookup (ctx->coverages, font);
  if (coverage == NULL)
    {
      coverage = g_new0 (PlainCoverage, 1);
      g_hash_table_insert (ctx->coverages, g_object_ref (font), coverage);
    }
  if (!(coverage->known[slot / 32] & bit))
    {
      coverage->known[slot / 32] |= bit;
      if (pango_font_has_char (font, c))
        coverage->has[slot / 32] |= bit;
    }
  return (coverage->has[slot / 32] & bit) != 0;
}

static gboolean
take_first_font (PangoFontset *fontset,
                 PangoFont    *font,
                 gpointer      data)
{
  *(PangoFont **) data = g_object_ref (font);
  return TRUE;
}

/* The first font of the charts' font set at @size under @context (bold
 * where @flags say so), owned by @ctx: the font Pango's itemizer takes
 * for every character it has. Looked up in the font map, it cost a third
 * as much as shaping a stage's title. */
typedef struct
{
  PangoContext *context;
  double        size;
  UpTextFlags   flags;
  PangoFont    *font;
} FirstFont;

static void
first_font_clear (gpointer data)
{
  g_clear_object (&((FirstFont *) data)->font);
}

static PangoFont *
first_font (UpChartContext *ctx,
            PangoContext   *context,
            double          size,
            UpTextFlags     flags)
{
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoFontset *fontset;
  FirstFont first = { context, size, flags & UP_TEXT_BOLD, NULL };

  if (ctx->first_fonts == NULL)
    {
      ctx->first_fonts = g_array_new (FALSE, FALSE, sizeof (FirstFont));
      g_array_set_clear_func (ctx->first_fonts, first_font_clear);
    }
  for (guint i = 0; i < ctx->first_fonts->len; i++)
    {
      const FirstFont *known = &g_array_index (ctx->first_fonts, FirstFont, i);

      if (known->context == context && known->size == size && known->flags == first.flags)
        return known->font;
    }

  desc = describe_font (ctx, size, flags);
  fontset = pango_context_load_fontset (context, desc, pango_context_get_language (context));
  if (fontset != NULL)
    {
      pango_fontset_foreach (fontset, take_first_font, &first.font);
      g_object_unref (fontset);
    }
  /* a miss is kept too: asked again, the answer is the same */
  g_array_append_val (ctx->first_fonts, first);
  return first.font;
}

/* Shapes @text as the one item Pango would make of it, into @line: of
 * plain characters of at most one script, each in the first font of the
 * charts' font set (the one Pango's itemizer would choose for it). Else
 * @line keeps no font. */
static void
shape_plain_line (UpChartContext *ctx,
                  const LayoutKey *key,
                  ShapedLine      *line)
{
  PangoContext *context = get_pango_context (ctx, key->matrix);
  PangoLanguage *language = pango_context_get_language (context);
  PangoScript script = PANGO_SCRIPT_COMMON;
  g_autoptr(PangoLayout) reference = NULL;
  PangoFont *font;
  PangoItem *item;
  PangoLayoutIter *iter;
  PangoRectangle logical;
  const char *text = key->text;
  const char *graphic = NULL;
  gsize length = strlen (text);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      PangoScript s = (PangoScript) g_unichar_get_script (c);

      if (!is_plain_char (c))
        return;
      if (graphic == NULL && g_unichar_isgraph (c))
        graphic = p;
      if (s != PANGO_SCRIPT_COMMON && s != PANGO_SCRIPT_INHERITED)
        {
          if (script != PANGO_SCRIPT_COMMON && script != s)
            return;
          script = s;
        }
    }
  if (graphic == NULL ||
      (script != PANGO_SCRIPT_COMMON && !pango_language_includes_script (language, script)))
    return;

  font = first_font (ctx, context, key->size, key->flags);
  if (font == NULL)
    return;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!font_has_plain_char (ctx, font, g_utf8_get_char (p)))
      return;

  item = pango_item_new ();
  item->offset = 0;
  item->length = (int) length;
  item->num_chars = (int) g_utf8_strlen (text, -1);
  item->analysis.font = font;
  item->analysis.level = 0;
  item->analysis.gravity = PANGO_GRAVITY_SOUTH;
  item->analysis.script = script;
  item->analysis.language = language;
  line->glyphs = pango_glyph_string_new ();
  pango_shape_item (item, text, (int) length, NULL, line->glyphs, PANGO_SHAPE_NONE);
  line->font = g_object_ref (font);
  item->analysis.font = NULL;
  pango_item_free (item);

  for (int i = 0; i < line->glyphs->num_glyphs; i++)
    if (line->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
      {
        g_clear_object (&line->font);
        return;
      }
  line->width = pango_glyph_string_get_width (line->glyphs);

  /* A line's height and baseline are its font's, whatever its letters:
   * those of one of them laid out. */
  {
    g_autofree char *letter = g_strndup (graphic, g_utf8_next_char (graphic) - graphic);

    reference = _up_chart_layout (ctx, letter, key->size, key->flags, 0, 0);
  }
  iter = pango_layout_get_iter (reference);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  line->x = logical.x;
  line->height = logical.height;
  line->baseline = pango_layout_iter_get_baseline (iter);
  pango_layout_iter_free (iter);
}

static gboolean layouts_only;

void
_up_chart_set_layouts_only (gboolean only)
{
  layouts_only = only;
}

/* @text shaped without a layout where it is plain (see
 * shape_plain_line()), NULL where it needs one. A layout itemizes the
 * text, finds where its lines may break and lays them out before it
 * shapes, and asks Fontconfig about each character: for a stage's title
 * in one line, about half the work. */
static const ShapedLine *
shape_line (UpChartContext *ctx,
            const char     *text,
            double          size,
            UpTextFlags     flags)
{
  LayoutKey key;
  ShapedLine *line;

  if (layouts_only)
    return NULL;
  layout_key_init (ctx, &key, text, size, flags & (UP_TEXT_BOLD | UP_TEXT_TIGHT), 0, 0);
  if (ctx->lines == NULL)
    ctx->lines = g_hash_table_new_full (layout_key_hash, layout_key_equal,
                                        layout_key_free, shaped_line_free);

  line = g_hash_table_lookup (ctx->lines, &key);
  if (line == NULL)
    {
      line = g_new0 (ShapedLine, 1);
      shape_plain_line (ctx, &key, line);
      g_hash_table_insert (ctx->lines, layout_key_copy (&key), line);
    }

  return line->font != NULL ? line : NULL;
}

/* Whether @text may show a glyph of a colour font: emoji (and the
 * selector that makes one of a digit or a sign) are from U+2100 on, but
 * for ‼ and ⁉; the letters of the plans' languages (Swedish, English,
 * Arabic, Hebrew) and the dashes and quotes of their texts are before it.
 * The look at the layout's fonts that it spares took some 19 µs a text:
 * a timeline PDF of 1,000 stages 73 → 131 ms. */
static gboolean
may_show_emoji (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p >= 0xe0)
      {
        gunichar c = g_utf8_get_char ((const char *) p);

        if (c >= 0x2100 || c == 0x203c || c == 0x2049)
          return TRUE;
      }
  return FALSE;
}

static gboolean
is_colour_font (PangoFont *font)
{
  hb_face_t *face;

  if (font == NULL)
    return FALSE;
  face = hb_font_get_face (pango_font_get_hb_font (font));
  return hb_ot_color_has_png (face) || hb_ot_color_has_layers (face) || hb_ot_color_has_svg (face);
}

/* Whether @layout draws glyphs of a colour font (an emoji): as a path a
 * glyph has one colour, and "🧓🏽" in a name became a black disc. */
static gboolean
in_colour_font (PangoLayout *layout)
{
  g_autoptr(PangoLayoutIter) iter = pango_layout_get_iter (layout);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run != NULL && is_colour_font (run->item->analysis.font))
        return TRUE;
    }
  while (pango_layout_iter_next_run (iter));
  return FALSE;
}

/* Colour emoji reach a PDF or an SVG as pictures: Noto Color Emoji (the
 * one Debian 12 has) is of bitmaps only, and Cairo 1.16 draws no colour
 * outlines. Cairo makes the picture as large in pixels as the glyph is in
 * points, 72 dots an inch: the title's emoji 15 × 14 pixels, a blur on
 * paper. Drawn here instead, it is EMOJI_DPI_SCALE times as fine (from
 * the font's bitmap of 136 pixels, the most it holds for an emoji of
 * 17 pt), one picture for each glyph and size, which the file keeps
 * once however often it is shown. */
#define EMOJI_DPI_SCALE 8.0

typedef struct
{
  cairo_scaled_font_t *font;     /* held: its address is in the key */
  cairo_surface_t     *surface;
  double               x, y;     /* its top left from the glyph's origin, in points */
} EmojiPicture;

static void
emoji_picture_free (gpointer data)
{
  EmojiPicture *picture = data;

  cairo_scaled_font_destroy (picture->font);
  cairo_surface_destroy (picture->surface);
  g_free (picture);
}

static const EmojiPicture *
emoji_picture (UpChartContext *ctx,
               PangoFont      *font,
               PangoGlyph      glyph)
{
  cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  g_autofree char *key = g_strdup_printf ("%p %u", (gpointer) scaled, glyph);
  EmojiPicture *picture;
  cairo_glyph_t one = { glyph, 0, 0 };
  cairo_text_extents_t extents;
  cairo_matrix_t font_matrix;
  cairo_font_options_t *options;
  cairo_t *cr;
  const double k = EMOJI_DPI_SCALE;

  if (scaled == NULL)
    return NULL;
  if (ctx->emoji_pictures == NULL)
    ctx->emoji_pictures = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, emoji_picture_free);
  picture = g_hash_table_lookup (ctx->emoji_pictures, key);
  if (picture != NULL)
    return picture;

  picture = g_new0 (EmojiPicture, 1);
  picture->font = cairo_scaled_font_reference (scaled);
  cairo_scaled_font_glyph_extents (scaled, &one, 1, &extents);
  /* a pixel of room on each side for the edges' smoothing */
  picture->x = floor (extents.x_bearing * k - 1) / k;
  picture->y = floor (extents.y_bearing * k - 1) / k;
  picture->surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                                 (int) MAX (ceil (extents.width * k) + 3, 1),
                                                 (int) MAX (ceil (extents.height * k) + 3, 1));
  cr = cairo_create (picture->surface);
  cairo_scale (cr, k, k);
  cairo_translate (cr, -picture->x, -picture->y);
  cairo_set_font_face (cr, cairo_scaled_font_get_font_face (scaled));
  cairo_scaled_font_get_font_matrix (scaled, &font_matrix);
  cairo_set_font_matrix (cr, &font_matrix);
  options = cairo_font_options_create ();
  cairo_scaled_font_get_font_options (scaled, options);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  cairo_show_glyphs (cr, &one, 1);
  cairo_destroy (cr);

  g_hash_table_insert (ctx->emoji_pictures, g_steal_pointer (&key), picture);
  return picture;
}

typedef struct
{
  double              x, y;     /* the glyph's origin */
  const EmojiPicture *picture;
} PlacedEmoji;

/* @layout drawn at the current point of a file, its colour glyphs as
 * emoji_picture()s: a copy of it draws the rest, those glyphs left out. */
static void
show_layout_in_file (UpChartContext *ctx,
                     PangoLayout    *layout,
                     double          x,
                     double          y)
{
  g_autoptr(PangoLayout) copy = pango_layout_copy (layout);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (PlacedEmoji));
  PangoLayoutIter *iter = pango_layout_get_iter (copy);

  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run (iter);
      PangoRectangle logical;
      int baseline, position;

      if (run == NULL || !is_colour_font (run->item->analysis.font))
        continue;
      pango_layout_iter_get_run_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      position = logical.x;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyphInfo *info = &run->glyphs->glyphs[i];

          const EmojiPicture *picture = NULL;

          if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            picture = emoji_picture (ctx, run->item->analysis.font, info->glyph);
          /* else Pango draws it, as before */
          if (picture != NULL)
            {
              PlacedEmoji each = {
                x + (double) (position + info->geometry.x_offset) / PANGO_SCALE,
                y + (double) (baseline + info->geometry.y_offset) / PANGO_SCALE,
                picture,
              };

              g_array_append_val (placed, each);
              info->glyph = PANGO_GLYPH_EMPTY;
            }
          position += info->geometry.width;
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, copy);
  cairo_new_path (ctx->cr);

  for (guint i = 0; i < placed->len; i++)
    {
      const PlacedEmoji *each = &g_array_index (placed, PlacedEmoji, i);

      cairo_save (ctx->cr);
      cairo_translate (ctx->cr, each->x + each->picture->x, each->y + each->picture->y);
      cairo_scale (ctx->cr, 1 / EMOJI_DPI_SCALE, 1 / EMOJI_DPI_SCALE);
      cairo_set_source_surface (ctx->cr, each->picture->surface, 0, 0);
      cairo_paint (ctx->cr);
      cairo_restore (ctx->cr);
    }
}

/* Cairo 1.16 puts each glyph shown on an image at a whole pixel: at a
 * scale that is not a whole number, the letters of a word drifted apart
 * and together ("ho me", "procu re" in a PNG 900 pixels wide). Drawn as
 * paths, they stay where Pango placed them, at a cost (a matrix PNG of
 * 100 stages takes half as long again), so only where rounding shows: at
 * whole scales (the export's default twice, the screen's) the glyphs keep
 * their spacing, and one glyph alone (a cell's digit) has none to lose. */
static gboolean
text_as_paths (UpChartContext *ctx,
               const char     *text,
               PangoLayout    *layout)
{
  double dx = 1, dy = 0;

  if (!ctx->on_image || text[0] == '\0' || (g_utf8_next_char (text))[0] == '\0')
    return FALSE;
  cairo_user_to_device_distance (ctx->cr, &dx, &dy);
  /* an emoji keeps its colours at the cost of its neighbours' spacing
   * (a text without a layout has none) */
  return (dy != 0 || fabs (dx - round (dx)) > 0.001) && (layout == NULL || !in_colour_font (layout));
}

/* Moves @x and @y from where a text of no box is anchored by @flags (its
 * centre or right end, its middle) to its top left, for a line @width
 * and @height wide and tall in Pango units. */
static void
anchor_text (UpTextFlags  flags,
             int          width,
             int          height,
             double      *x,
             double      *y)
{
  if (flags & UP_TEXT_CENTRE)
    *x -= width / (2.0 * PANGO_SCALE);
  else if (flags & UP_TEXT_RIGHT)
    *x -= width / (double) PANGO_SCALE;
  if (flags & UP_TEXT_MIDDLE)
    *y -= height / (2.0 * PANGO_SCALE);
}

/* Fills @glyphs with @line's glyphs placed as pango_cairo_show_layout()
 * places those of a layout of its own at the current point (which Cairo
 * keeps in fixed point): from the line's origin (@align further, in Pango
 * units, where the layout aligns it in its width) and baseline, each
 * glyph at its advance and offset. */
static void
place_glyphs (UpChartContext   *ctx,
              const ShapedLine *line,
              double            x,
              double            y,
              int               align,
              GArray           *glyphs)
{
  double base_x, base_y;
  int x_position = 0;

  cairo_move_to (ctx->cr, x, y);
  cairo_get_current_point (ctx->cr, &base_x, &base_y);
  cairo_new_path (ctx->cr);
  base_x += (double) (line->x + align) / PANGO_SCALE;
  base_y += (double) line->baseline / PANGO_SCALE;

  for (int i = 0; i < line->glyphs->num_glyphs; i++)
    {
      const PangoGlyphInfo *info = &line->glyphs->glyphs[i];

      if (info->glyph != PANGO_GLYPH_EMPTY)
        {
          cairo_glyph_t glyph = {
            info->glyph,
            base_x + (double) (x_position + info->geometry.x_offset) / PANGO_SCALE,
            info->geometry.y_offset == 0 ? base_y : base_y + (double) info->geometry.y_offset / PANGO_SCALE,
          };

          g_array_append_val (glyphs, glyph);
        }
      x_position += info->geometry.width;
    }
}

/* @text in one line from @x, @y (its top left) without a layout, where it
 * is plain (see shape_line()) and holds in @width (if more than 0), as
 * _up_chart_text() draws it with one: the same glyphs at the same places
 * (aligned in @width as Pango aligns a line in a layout's width), as
 * paths where text_as_paths() says. Not in a file, where a layout also
 * tells which letters each glyph shows. Its height; 0 where it was not
 * drawn. */
static double
show_plain_text (UpChartContext *ctx,
                 const char     *text,
                 double          x,
                 double          y,
                 double          width,
                 double          size,
                 UpTextFlags     flags,
                 const UpRgba   *colour)
{
  const ShapedLine *line = ctx->in_file ? NULL : shape_line (ctx, text, size, flags);
  g_autoptr(GArray) glyphs = NULL;
  cairo_scaled_font_t *font;
  int box = (int) (width * PANGO_SCALE), align = 0;

  if (line == NULL || (width > 0 && line->width > box))
    return 0;
  font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (line->font));
  if (font == NULL)
    return 0;

  if (width > 0 && (flags & UP_TEXT_RIGHT))
    align = box - line->width;
  else if (width > 0 && (flags & UP_TEXT_CENTRE))
    {
      align = (box - line->width) / 2;
      /* as Pango rounds it where both widths are whole points */
      if (((box | line->width) & (PANGO_SCALE - 1)) == 0)
        align = PANGO_UNITS_ROUND (align);
    }
  anchor_text (width > 0 ? flags & UP_TEXT_MIDDLE : flags, line->width, line->height, &x, &y);

  glyphs = g_array_sized_new (FALSE, FALSE, sizeof (cairo_glyph_t), line->glyphs->num_glyphs);
  place_glyphs (ctx, line, x, y, align, glyphs);
  _up_chart_set_colour (ctx->cr, colour);
  cairo_save (ctx->cr);
  cairo_set_scaled_font (ctx->cr, font);
  if (text_as_paths (ctx, text, NULL))
    {
      cairo_glyph_path (ctx->cr, (cairo_glyph_t *) glyphs->data, (int) glyphs->len);
      cairo_fill (ctx->cr);
    }
  else
    cairo_show_glyphs (ctx->cr, (cairo_glyph_t *) glyphs->data, (int) glyphs->len);
  cairo_restore (ctx->cr);
  return line->height / (double) PANGO_SCALE;
}

double
_up_chart_text (UpChartContext *ctx,
                const char     *text,
                double          x,
                double          y,
                double          width,
                double          size,
                UpTextFlags     flags,
                int             max_lines,
                const UpRgba   *colour)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;
  double height;

  if (colour == NULL)
    colour = (flags & UP_TEXT_DIM) ? &ctx->dim : &ctx->fg;
  if ((height = show_plain_text (ctx, text, x, y, width, size, flags, colour)) > 0)
    return height;

  layout = _up_chart_layout (ctx, text, size, flags, width, max_lines);
  pango_layout_get_extents (layout, NULL, &logical);
  if (width > 0 && pango_layout_is_ellipsized (layout))
    g_atomic_int_inc (&n_ellipsized);

  /* Without a width Pango aligns nothing: place the text ourselves. */
  anchor_text (width > 0 ? flags & UP_TEXT_MIDDLE : flags, logical.width, logical.height, &x, &y);

  _up_chart_set_colour (ctx->cr, colour);
  cairo_move_to (ctx->cr, x, y);
  if (text_as_paths (ctx, text, layout))
    {
      pango_cairo_layout_path (ctx->cr, layout);
      cairo_fill (ctx->cr);
    }
  else if (ctx->in_file && may_show_emoji (text) && in_colour_font (layout))
    show_layout_in_file (ctx, layout, x, y);
  else
    pango_cairo_show_layout (ctx->cr, layout);
  /* show_layout leaves a current point: an arc drawn next would start
   * with a line from it. */
  cairo_new_path (ctx->cr);

  return logical.height / (double) PANGO_SCALE;
}

/* Whether @title holds in one line of @size, @width wide. Its layout is
 * the one _up_chart_row_title() draws then, kept for it: unbounded, as
 * laid out in its box a title that does not fit is wrapped or cut, a pass
 * of Pango's for nothing (7 % of the instructions of the export of a
 * 1,000-stage timeline whose titles all wrap). */
static gboolean
fits_in_line (UpChartContext *ctx,
              const char     *title,
              double          width,
              double          size,
              UpTextFlags     flags)
{
  const ShapedLine *line = shape_line (ctx, title, size, flags);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (line != NULL)
    return line->width <= width * PANGO_SCALE;
  layout = _up_chart_layout (ctx, title, size, flags | UP_TEXT_MIDDLE, 0, 0);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width <= width * PANGO_SCALE;
}

guint
_up_chart_row_title_lines (UpChartContext *ctx,
                           const char     *title,
                           double          width,
                           double          size,
                           UpTextFlags     flags)
{
  return fits_in_line (ctx, title, width, size, flags) ? 1 : 2;
}

/* Cut to a row's width, "Upphandlingsdokumentsgransk…" left a reader
 * unable to tell one stage from another, and the full title was nowhere
 * on the chart. Two lines hold some ninety characters of a title; rows
 * of one height keep the pages of a 1,000-stage plan as they are. */
/* A title in one line: into @batch in a file, where it can join it. */
static void
show_title_line (UpChartContext *ctx,
                 UpGlyphBatch   *batch,
                 const char     *title,
                 double          x,
                 double          cy,
                 double          size,
                 UpTextFlags     flags)
{
  if (batch == NULL || !ctx->in_file ||
      !_up_chart_glyph_batch_add (ctx, batch, title, x, cy, size, flags | UP_TEXT_MIDDLE))
    _up_chart_text (ctx, title, x, cy, 0, size, flags | UP_TEXT_MIDDLE, 0, NULL);
}

/* @title cut in its middle between whole words ("… distriktet samt med
 * brukarrådet"), to hold in @max_lines lines @width wide: Pango's cut in
 * the middle of the last line left a piece of a word after its "…"
 * ("södra, … t samt", the "t" of "distriktet"). Words are dropped from
 * the middle, the end keeping as many as the start or one fewer. NULL
 * where the whole title holds, or not even the first and the last word
 * hold together (one long word: Pango cuts it). */
static char *
cut_between_words (UpChartContext *ctx,
                   const char     *title,
                   double          width,
                   double          size,
                   UpTextFlags     flags,
                   int             max_lines)
{
  g_auto(GStrv) words = NULL;
  g_autoptr(PangoLayout) whole = _up_chart_layout (ctx, title, size, flags | UP_TEXT_MIDDLE | UP_TEXT_KEEP_END,
                                                   width, max_lines);
  guint n, low = 2, high, best = 0;

  /* two lines hold more than one, and the title may need no cut */
  if (!pango_layout_is_ellipsized (whole))
    return NULL;
  words = g_strsplit (title, " ", -1);
  n = g_strv_length (words);
  high = n - 1;
  /* n - 1 words shown at most: all of them do not hold */
  while (n >= 3 && low <= high)
    {
      guint shown = (low + high) / 2;
      guint at_end = shown / 2;
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(PangoLayout) layout = NULL;

      for (guint i = 0; i < shown - at_end; i++)
        g_string_append_printf (text, "%s ", words[i]);
      g_string_append (text, "…");
      for (guint i = n - at_end; i < n; i++)
        g_string_append_printf (text, " %s", words[i]);

      /* the layout _up_chart_text() then draws of the one chosen */
      layout = _up_chart_layout (ctx, text->str, size, flags | UP_TEXT_MIDDLE | UP_TEXT_KEEP_END, width, max_lines);
      if (!pango_layout_is_ellipsized (layout) && pango_layout_get_line_count (layout) <= max_lines)
        {
          best = shown;
          low = shown + 1;
        }
      else
        high = shown - 1;
    }
  if (best == 0)
    return NULL;

  {
    guint at_end = best / 2;
    GString *text = g_string_new (NULL);

    for (guint i = 0; i < best - at_end; i++)
      g_string_append_printf (text, "%s ", words[i]);
    g_string_append (text, "…");
    for (guint i = n - at_end; i < n; i++)
      g_string_append_printf (text, " %s", words[i]);
    return g_string_free (text, FALSE);
  }
}

void
_up_chart_row_title (UpChartContext *ctx,
                     const char     *title,
                     double          x,
                     double          cy,
                     double          width,
                     double          size,
                     double          small_size,
                     UpTextFlags     flags,
                     UpGlyphBatch   *lines)
{
  if (fits_in_line (ctx, title, width, size, flags))
    show_title_line (ctx, lines != NULL ? &lines[0] : NULL, title, x, cy, size, flags);
  else if (fits_in_line (ctx, title, width, small_size, flags))
    show_title_line (ctx, lines != NULL ? &lines[1] : NULL, title, x, cy, small_size, flags);
  else
    /* Beyond two lines the title is cut in the second one's middle: plans
     * tell their stages apart at the end of a title as often as at its
     * start ("…, skede 1", "…, skede 2"), and both rows read the same cut
     * at the end. */
    {
      g_autofree char *cut = cut_between_words (ctx, title, width, small_size, flags, 2);

      if (cut != NULL)
        g_atomic_int_inc (&n_ellipsized);
      _up_chart_text (ctx, cut != NULL ? cut : title, x, cy, width, small_size,
                      flags | UP_TEXT_MIDDLE | UP_TEXT_KEEP_END, 2, NULL);
    }
}

/* The room a decision's diamond takes before its title. */
#define DECISION_INDENT 14.0

void
_up_chart_stage_row_title (UpChartContext *ctx,
                           UpStage        *stage,
                           double          x,
                           double          cy,
                           double          width,
                           double          size,
                           double          small_size,
                           UpTextFlags     flags,
                           UpGlyphBatch   *lines)
{
  g_autofree char *title = _up_chart_clean_text (up_stage_get_title (stage), 300);

  if (up_stage_get_is_decision (stage))
    {
      _up_chart_set_colour (ctx->cr, &ctx->fg);
      _up_chart_diamond (ctx->cr, x + 5, cy, 5);
      cairo_fill (ctx->cr);
      x += DECISION_INDENT;
      width -= DECISION_INDENT;
    }
  _up_chart_row_title (ctx, title, x, cy, width, size, small_size, flags, lines);
}

double
_up_chart_stage_row_title_width (UpChartContext *ctx,
                                 UpStage        *stage,
                                 double          size,
                                 UpTextFlags     flags)
{
  g_autofree char *title = _up_chart_clean_text (up_stage_get_title (stage), 300);

  /* the measure fits_in_line() compares with the width */
  return (up_stage_get_is_decision (stage) ? DECISION_INDENT : 0) +
         _up_chart_text_width (ctx, title, size, flags);
}

double
_up_chart_text_width (UpChartContext *ctx,
                      const char     *text,
                      double          size,
                      UpTextFlags     flags)
{
  const ShapedLine *line = shape_line (ctx, text, size, flags);
  g_autoptr(PangoLayout) layout = NULL;
  PangoRectangle logical;

  if (line != NULL)
    return line->width / (double) PANGO_SCALE;
  layout = _up_chart_layout (ctx, text, size, flags & ~UP_TEXT_MUST_FIT, 0, 0);
  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

double
_up_chart_text_height (UpChartContext *ctx,
                       const char     *text,
                       double          size,
                       UpTextFlags     flags,
                       double          width,
                       int             max_lines)
{
  g_autoptr(PangoLayout) layout = _up_chart_layout (ctx, text, size, flags & ~UP_TEXT_MUST_FIT, width, max_lines);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.height / (double) PANGO_SCALE;
}

void
_up_chart_glyph_batch_init (UpGlyphBatch *batch,
                            const UpRgba *colour)
{
  batch->colour = *colour;
  batch->font = NULL;
  batch->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
}

gboolean
_up_chart_plain_line (UpChartContext    *ctx,
                      const char        *text,
                      double             size,
                      UpTextFlags        flags,
                      PangoGlyphString **glyphs,
                      PangoRectangle    *logical,
                      int               *baseline)
{
  const ShapedLine *line = shape_line (ctx, text, size, flags);

  if (line == NULL)
    return FALSE;
  *glyphs = line->glyphs;
  *logical = (PangoRectangle) { line->x, 0, line->width, line->height };
  *baseline = line->baseline;
  return TRUE;
}

/* The one line of @layout as a ShapedLine that does not own its parts;
 * FALSE where it has more lines or runs. */
static gboolean
line_of_layout (PangoLayout *layout,
                ShapedLine  *line)
{
  PangoLayoutLine *layout_line;
  PangoLayoutIter *iter;
  PangoGlyphItem *run;
  PangoRectangle logical;

  if (pango_layout_get_line_count (layout) != 1)
    return FALSE;
  layout_line = pango_layout_get_line_readonly (layout, 0);
  if (layout_line->runs == NULL || layout_line->runs->next != NULL)
    return FALSE;
  run = layout_line->runs->data;
  line->font = run->item->analysis.font;
  line->glyphs = run->glyphs;

  iter = pango_layout_get_iter (layout);
  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  line->baseline = pango_layout_iter_get_baseline (iter);
  pango_layout_iter_free (iter);
  line->x = logical.x;
  pango_layout_get_extents (layout, NULL, &logical);
  line->width = logical.width;
  line->height = logical.height;
  return line->font != NULL;
}

/* The glyphs are placed as _up_chart_text() places them (see
 * place_glyphs()), so that the file shows them where a layout of their
 * own would. */
gboolean
_up_chart_glyph_batch_add (UpChartContext *ctx,
                           UpGlyphBatch   *batch,
                           const char     *text,
                           double          x,
                           double          y,
                           double          size,
                           UpTextFlags     flags)
{
  const ShapedLine *line = shape_line (ctx, text, size, flags);
  g_autoptr(PangoLayout) layout = NULL;
  ShapedLine from_layout;
  cairo_scaled_font_t *font;

  if (line == NULL)
    {
      layout = _up_chart_layout (ctx, text, size, flags, 0, 0);
      /* One run in one font; a fallback font or a missing glyph (which
       * Pango draws as a box) is left to Pango. */
      if (!line_of_layout (layout, &from_layout))
        return FALSE;
      line = &from_layout;
      for (int i = 0; i < line->glyphs->num_glyphs; i++)
        if (line->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG)
          return FALSE;
    }
  font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (line->font));
  if (font == NULL || (batch->font != NULL && batch->font != font))
    return FALSE;
  /* an emoji alone: a picture of its own (see show_layout_in_file()) */
  if (may_show_emoji (text) && is_colour_font (line->font))
    return FALSE;

  anchor_text (flags, line->width, line->height, &x, &y);
  if (batch->font == NULL)
    batch->font = cairo_scaled_font_reference (font);
  place_glyphs (ctx, line, x, y, 0, batch->glyphs);
  return TRUE;
}

void
_up_chart_glyph_batch_show (UpChartContext *ctx,
                            UpGlyphBatch   *batch)
{
  if (batch->glyphs->len > 0)
    {
      cairo_save (ctx->cr);
      cairo_set_scaled_font (ctx->cr, batch->font);
      _up_chart_set_colour (ctx->cr, &batch->colour);
      cairo_show_glyphs (ctx->cr, (cairo_glyph_t *) batch->glyphs->data, (int) batch->glyphs->len);
      cairo_restore (ctx->cr);
    }
  g_clear_pointer (&batch->glyphs, g_array_unref);
  g_clear_pointer (&batch->font, cairo_scaled_font_destroy);
}

void
_up_chart_rounded_rect (cairo_t *cr,
                        double   x,
                        double   y,
                        double   width,
                        double   height,
                        double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

void
_up_chart_goal_chip (UpChartContext *ctx,
                     guint           goal,
                     double          x,
                     double          y,
                     double          width,
                     double          height,
                     double          size,
                     gboolean        grey)
{
  UpRgba colour, text;
  char number[8];

  if (grey)
    colour = ctx->grey;
  else
    _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
  _up_chart_contrast_colour (&colour, &text);

  _up_chart_set_colour (ctx->cr, &colour);
  _up_chart_rounded_rect (ctx->cr, x, y, width, height, CHIP_RADIUS);
  cairo_fill (ctx->cr);

  g_snprintf (number, sizeof number, "%u", goal);
  _up_chart_text (ctx, number, x + width / 2, y + height / 2, 0, size,
                  UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE, 0, &text);
}

/* A rounded rectangle in a file is a path of four curves and four lines,
 * some thirty numbers for Cairo to format and a viewer to read. The same
 * shape is the rectangle inside it by @radius, filled, and stroked with
 * lines of twice @radius that join round: four numbers, twice. The two
 * overlap, so only for opaque colours. A line in the path, which has no
 * inside, is filled round to @radius about it. @grow widens the shapes by
 * as much on every side (an outline drawn under them; less than zero: the
 * fill inside an outline). The path stays. */
void
_up_chart_fill_rounded (cairo_t *cr,
                        double   radius,
                        double   grow)
{
  double line_width = 2 * (radius + grow);

  cairo_fill_preserve (cr);
  if (line_width <= 0)
    return;
  cairo_save (cr);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    cairo_set_tolerance (cr, 1.0);
  cairo_stroke_preserve (cr);
  cairo_restore (cr);
}

void
_up_chart_chip_batch_init (UpChipBatch *batch,
                           double       width,
                           double       height,
                           double       size)
{
  memset (batch, 0, sizeof *batch);
  batch->width = width;
  batch->height = height;
  batch->size = size;
}

void
_up_chart_chip_batch_add (UpChipBatch *batch,
                          guint        goal,
                          double       x,
                          double       y)
{
  double corner[2] = { x, y };

  g_return_if_fail (goal >= 1 && goal <= UP_SDG_N_GOALS);

  if (batch->corners[goal] == NULL)
    batch->corners[goal] = g_array_new (FALSE, FALSE, sizeof corner);
  g_array_append_val (batch->corners[goal], corner);
}

/* The chips of a goal as one path, then their numbers: in a file, one
 * text operation for each colour of number, the glyphs of a goal's
 * number laid out once and placed on each of its chips. */
void
_up_chart_chip_batch_show (UpChartContext *ctx,
                           UpChipBatch    *batch)
{
  const UpTextFlags flags = UP_TEXT_BOLD | UP_TEXT_CENTRE | UP_TEXT_MIDDLE;
  double radius = MIN (CHIP_RADIUS, MIN (batch->width, batch->height) / 2);
  UpGlyphBatch numbers[2];
  guint n_numbers = 0;

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      GArray *corners = batch->corners[goal];
      UpRgba colour;

      if (corners == NULL)
        continue;
      _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
      _up_chart_set_colour (ctx->cr, &colour);
      cairo_new_path (ctx->cr);
      for (guint i = 0; i < corners->len; i++)
        {
          const double *corner = &g_array_index (corners, double, 2 * i);

          cairo_rectangle (ctx->cr, corner[0] + radius, corner[1] + radius,
                           batch->width - 2 * radius, batch->height - 2 * radius);
        }
      _up_chart_fill_rounded (ctx->cr, radius, 0);
      cairo_new_path (ctx->cr);
    }

  for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
    {
      g_autoptr(GArray) corners = g_steal_pointer (&batch->corners[goal]);
      UpGlyphBatch *to = NULL;
      UpGlyphBatch once;
      UpRgba colour, text;
      char number[8];

      if (corners == NULL)
        continue;
      _up_chart_parse_colour (up_sdg_get_goal (goal)->colour, &colour);
      _up_chart_contrast_colour (&colour, &text);
      g_snprintf (number, sizeof number, "%u", goal);

      _up_chart_glyph_batch_init (&once, &text);
      if (ctx->in_file && _up_chart_glyph_batch_add (ctx, &once, number, 0, 0, batch->size, flags))
        {
          for (guint b = 0; b < n_numbers && to == NULL; b++)
            if (memcmp (&text, &numbers[b].colour, sizeof text) == 0 && numbers[b].font == once.font)
              to = &numbers[b];
          if (to == NULL && n_numbers < G_N_ELEMENTS (numbers))
            {
              to = &numbers[n_numbers++];
              _up_chart_glyph_batch_init (to, &text);
              to->font = cairo_scaled_font_reference (once.font);
            }
        }
      for (guint i = 0; i < corners->len; i++)
        {
          const double *corner = &g_array_index (corners, double, 2 * i);
          double cx = corner[0] + batch->width / 2, cy = corner[1] + batch->height / 2;

          if (to == NULL)
            {
              _up_chart_text (ctx, number, cx, cy, 0, batch->size, flags, 0, &text);
              continue;
            }
          for (guint g = 0; g < once.glyphs->len; g++)
            {
              cairo_glyph_t glyph = g_array_index (once.glyphs, cairo_glyph_t, g);

              glyph.x += cx;
              glyph.y += cy;
              g_array_append_val (to->glyphs, glyph);
            }
        }
      g_clear_pointer (&once.glyphs, g_array_unref);
      g_clear_pointer (&once.font, cairo_scaled_font_destroy);
    }

  for (guint b = 0; b < n_numbers; b++)
    _up_chart_glyph_batch_show (ctx, &numbers[b]);
}

guint
_up_chart_next_year_step (guint step)
{
  guint magnitude = 1;

  while (step >= magnitude * 10)
    magnitude *= 10;
  return step == magnitude ? 2 * magnitude : step == 2 * magnitude ? 5 * magnitude : 10 * magnitude;
}

void
_up_chart_diamond (cairo_t *cr,
                   double   cx,
                   double   cy,
                   double   r)
{
  cairo_move_to (cr, cx, cy - r);
  cairo_line_to (cr, cx + r, cy);
  cairo_line_to (cr, cx, cy + r);
  cairo_line_to (cr, cx - r, cy);
  cairo_close_path (cr);
}

/* Diagonal stripes over the current clip, for negative impact: a pattern
 * and not only a colour, so that it reads in black and white print. */
void
_up_chart_hatch (UpChartContext *ctx,
                 double          spacing)
{
  /* half a stripe's width along a row */
  const double half = spacing * 0.15 * G_SQRT2;
  double x1, y1, x2, y2;

  cairo_save (ctx->cr);
  cairo_clip_extents (ctx->cr, &x1, &y1, &x2, &y2);
  _up_chart_set_colour (ctx->cr, &ctx->negative);
  cairo_paint (ctx->cr);
  _up_chart_set_colour (ctx->cr, &ctx->bg);
  /* Stripes 0.3 × spacing wide along the lines x + y = k × spacing, each
   * a parallelogram from and to a multiple of the spacing beyond the clip:
   * the same stripes, to the pixel, whatever part of the area the clip
   * shows, so that the bands of a PNG meet (a stroke's outline is
   * computed from its ends, which differ). */
  y1 = (floor (y1 / spacing) - 1) * spacing;
  y2 = (ceil (y2 / spacing) + 1) * spacing;
  for (double c = floor ((x1 + y1) / spacing) * spacing; c <= x2 + y2; c += spacing)
    {
      cairo_move_to (ctx->cr, (c - y2) - half, y2);
      cairo_line_to (ctx->cr, (c - y2) + half, y2);
      cairo_line_to (ctx->cr, (c - y1) + half, y1);
      cairo_line_to (ctx->cr, (c - y1) - half, y1);
      cairo_close_path (ctx->cr);
    }
  cairo_fill (ctx->cr);
  cairo_restore (ctx->cr);
}

void
_up_chart_swatch_negative (UpChartContext *ctx,
                           double          x,
                           double          y,
                           double          width,
                           double          height,
                           gconstpointer   data)
{
  cairo_save (ctx->cr);
  cairo_rectangle (ctx->cr, x, y, width, height);
  cairo_clip (ctx->cr);
  _up_chart_hatch (ctx, 4);
  cairo_restore (ctx->cr);
}

char *
_up_chart_format_date (UpChartContext *ctx,
                       const char     *iso)
{
  char *date = NULL;

  if (iso != NULL && up_date_is_valid (iso))
    date = up_lang_format_date (ctx->lang, iso, UP_DATE_STYLE_LONG);
  return date != NULL ? date : g_strdup ("");
}

static char *
chart_date (UpChartContext *ctx)
{
  g_autofree char *today = NULL;
  const char *iso = ctx->options->date;

  if (iso == NULL || !up_date_is_valid (iso))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      today = g_date_time_format (now, "%Y-%m-%d");
      iso = today;
    }

  return up_lang_format_date (ctx->lang, iso, UP_DATE_STYLE_LONG);
}

/* The most of the header's third line that the organisation takes
 * before the goal a chart is limited to, in points of its text in the
 * report (10.5 pt, the largest): the goal's name then begins within the
 * narrowest chart's header (512 pt). */
#define DETAIL_ORGANISATION_WIDTH 220.0

/* The third line of the header: the organisation, and the regional or
 * local goal the chart is limited to, named by its level. */
char *
_up_chart_header_detail (UpChartContext *ctx)
{
  g_autofree char *organisation = _up_chart_clean_text (up_project_get_organisation (ctx->project), 200);
  g_autofree char *goal = NULL;
  gboolean regional;

  if (ctx->options->local_goal == NULL)
    return g_steal_pointer (&organisation);

  /* A long organisation is cut short before the goal rather than the
   * line at its end, which lost the goal: the charts of three local goals
   * had the same header. As many characters as fit, found by halving. */
  if (_up_chart_text_width (ctx, organisation, 10.5, 0) > DETAIL_ORGANISATION_WIDTH)
    {
      glong low = 1, high = g_utf8_strlen (organisation, -1);
      g_autofree char *whole = g_steal_pointer (&organisation);

      while (low < high)
        {
          glong middle = (low + high + 1) / 2;
          g_autofree char *cut = _up_chart_clean_text (whole, middle);

          if (_up_chart_text_width (ctx, cut, 10.5, 0) <= DETAIL_ORGANISATION_WIDTH)
            low = middle;
          else
            high = middle - 1;
        }
      organisation = _up_chart_clean_text (whole, low);
    }

  goal = _up_chart_clean_text (up_local_goal_get_title (ctx->options->local_goal), 200);
  regional = g_strcmp0 (up_local_goal_get_level (ctx->options->local_goal), "regional") == 0;
  if (organisation[0] == '\0')
    {
      if (regional)
        /* Translators: the line under a chart's title when the chart shows
         * only the stages serving one regional goal; %1$s is the goal's title. */
        return g_strdup_printf (up_lang_gettext (ctx->lang, N_("Regional goal: %1$s")), goal);
      /* Translators: the line under a chart's title when the chart shows
       * only the stages serving one local goal; %1$s is the goal's title. */
      return g_strdup_printf (up_lang_gettext (ctx->lang, N_("Local goal: %1$s")), goal);
    }

  if (regional)
    /* Translators: the line under a chart's title: %1$s is the organisation,
     * %2$s the title of the regional goal the chart is limited to. */
    return g_strdup_printf (up_lang_gettext (ctx->lang, N_("%1$s · regional goal: %2$s")), organisation, goal);
  /* Translators: the line under a chart's title: %1$s is the organisation,
   * %2$s the title of the local goal the chart is limited to. */
  return g_strdup_printf (up_lang_gettext (ctx->lang, N_("%1$s · local goal: %2$s")), organisation, goal);
}

#define TITLE_SIZE 17.0
#define PROJECT_SIZE 11.5
#define DETAIL_SIZE 9.5
/* On a slide the project's title is as large as the legend beside the
 * chart (SLIDE_LEGEND_SIZE) and a timeline's rows, and the line under it
 * larger too: smaller, the project's name read as a footnote of its own
 * chart. The chart's title is larger than both already, and a wheel's
 * slide keeps within Full HD (1920 x 1080). */
#define SLIDE_PROJECT_SIZE 14.0
#define SLIDE_DETAIL_SIZE 10.5
/* A long project title wraps before it is cut: what tells one stage of a
 * project from the next is often at its end ("… etapp två av tre"). */
#define PROJECT_LINES 2

/* Lays the header out from @y and returns its height, drawing it only
 * when @draw: measuring takes the real texts, since an emoji or a script
 * of another font makes a line taller than Latin letters do. */
static double
header_layout (UpChartContext *ctx,
               const char     *kind_title,
               double          x,
               double          y,
               double          width,
               gboolean        draw)
{
  g_autofree char *date = chart_date (ctx);
  g_autofree char *project = up_chart_get_project_name (ctx->project, ctx->options, 300);
  g_autofree char *detail = _up_chart_header_detail (ctx);
  gboolean slide = _up_chart_is_slide (ctx);
  double title_size = TITLE_SIZE;
  double project_size = slide ? SLIDE_PROJECT_SIZE : PROJECT_SIZE;
  double detail_size = slide ? SLIDE_DETAIL_SIZE : DETAIL_SIZE;
  double date_width = _up_chart_text_width (ctx, date, project_size, 0);
  double title_width = MAX (width - date_width - 16, 40);
  double y0 = y;

  if (draw)
    {
      double kind_width = width;

      if (ctx->n_pages > 1)
        {
          /* Translators: at the top right of each page of a chart printed
           * on several pages. */
          g_autofree char *page = g_strdup_printf (up_lang_gettext (ctx->lang, N_("Page %1$u of %2$u")),
                                                   ctx->page, ctx->n_pages);

          kind_width -= _up_chart_text_width (ctx, page, project_size, 0) + 16;
          _up_chart_text (ctx, page, x + width, y + 4, 0, project_size, UP_TEXT_RIGHT | UP_TEXT_DIM, 0, NULL);
        }
      y += _up_chart_text (ctx, kind_title, x, y, kind_width, title_size, UP_TEXT_BOLD | UP_TEXT_MUST_FIT, 1, NULL) + 4;
      _up_chart_text (ctx, date, x + width, y, 0, project_size, UP_TEXT_RIGHT | UP_TEXT_DIM, 0, NULL);
      y += _up_chart_text (ctx, project, x, y, title_width, project_size, UP_TEXT_BOLD, PROJECT_LINES, NULL);
      if (detail[0] != '\0')
        y += 2 + _up_chart_text (ctx, detail, x, y + 2, width, detail_size, UP_TEXT_DIM, 1, NULL);
    }
  else
    {
      y += _up_chart_text_height (ctx, kind_title, title_size, UP_TEXT_BOLD, width, 1) + 4;
      y += MAX (_up_chart_text_height (ctx, project, project_size, UP_TEXT_BOLD, title_width, PROJECT_LINES),
                _up_chart_text_height (ctx, date, project_size, 0, 0, 0));
      if (detail[0] != '\0')
        y += 2 + _up_chart_text_height (ctx, detail, detail_size, 0, width, 1);
    }

  return y - y0 + 14;
}

double
_up_chart_header_height (UpChartContext *ctx,
                         UpChartKind     kind,
                         double          width)
{
  return header_layout (ctx, up_chart_kind_get_title (kind, ctx->lang), 0, 0, width, FALSE);
}

void
_up_chart_draw_header (UpChartContext *ctx,
                       UpChartKind     kind,
                       double          x,
                       double          y,
                       double          width)
{
  header_layout (ctx, up_chart_kind_get_title (kind, ctx->lang), x, y, width, TRUE);
}

#define SWATCH_WIDTH UP_CHART_SWATCH_WIDTH
#define SWATCH_HEIGHT UP_CHART_SWATCH_HEIGHT

#define LEGEND_GAP_X 16.0

/* The room under each line of a legend or a key, less in a compact one
 * (UpChartContext.legend_compact). */
static double
legend_row_gap (UpChartContext *ctx)
{
  return ctx->legend_compact ? 3 : 6;
}
/* The most columns a fitted legend or key is laid out in (FitTable). */
#define FIT_MAX_COLUMNS 5

/* The columns of a legend as wide as their texts (fitted): each item on
 * one line, the room left over shared out among the columns. */
typedef struct
{
  guint    n_columns;
  gboolean down;     /* the items run down the columns, not across */
  double   widths[FIT_MAX_COLUMNS];
} FitTable;

/* Where item @i of @n_items goes in @n_columns. */
static void
table_cell (guint     i,
            guint     n_items,
            guint     n_columns,
            gboolean  down,
            guint    *row,
            guint    *column)
{
  guint n_rows = (n_items + n_columns - 1) / n_columns;

  if (down)
    {
      *column = i / n_rows;
      *row = i % n_rows;
    }
  else
    {
      *row = i / n_columns;
      *column = i % n_columns;
    }
}

/* The box of the widest swatch in column @column of @n_columns (@down:
 * the items run down the columns): the texts of a column all start after
 * it, each swatch set against its text. The timeline's two goal chips
 * (31.5 pt), drawn from the right of a box of 22 pt, stuck out of the
 * legend's column, from the first into the page's margin. */
static double
column_swatch_width (const UpLegendItem *items,
                     guint               n_items,
                     guint               n_columns,
                     gboolean            down,
                     guint               column)
{
  double width = SWATCH_WIDTH;

  for (guint i = 0; i < n_items; i++)
    {
      guint r, c;

      if (items[i].swatch_width <= width)
        continue;
      table_cell (i, n_items, n_columns, down, &r, &c);
      if (c == column)
        width = items[i].swatch_width;
    }
  return width;
}

/* Whether @items fit @width in @n_columns of @table->down's order with
 * each text on one line; sets @table's columns' widths if so. */
static gboolean
table_fit (UpChartContext     *ctx,
           const UpLegendItem *items,
           guint               n_items,
           double              width,
           guint               n_columns,
           double              size,
           FitTable           *table)
{
  double total = (n_columns - 1) * LEGEND_GAP_X;

  g_assert (n_columns >= 1 && n_columns <= FIT_MAX_COLUMNS);
  table->n_columns = n_columns;
  for (guint c = 0; c < n_columns; c++)
    table->widths[c] = 0;
  for (guint i = 0; i < n_items; i++)
    {
      guint row, column;
      /* a point to spare: a line measured as wide as its box may wrap */
      double item;

      table_cell (i, n_items, n_columns, table->down, &row, &column);
      item = column_swatch_width (items, n_items, n_columns, table->down, column) + 8 +
             ceil (_up_chart_text_width (ctx, items[i].text, size, 0)) + 1;
      table->widths[column] = MAX (table->widths[column], item);
    }
  for (guint c = 0; c < n_columns; c++)
    total += table->widths[c];
  if (total > width)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    table->widths[c] += (width - total) / n_columns;
  return TRUE;
}

/* The most columns (more than @fewest) in which @items fit @width, each
 * on a line, across the rows or else down the columns (@down_first: down
 * the columns or else across); FALSE: none. */
static gboolean
table_fit_most (UpChartContext     *ctx,
                const UpLegendItem *items,
                guint               n_items,
                double              width,
                guint               fewest,
                double              size,
                gboolean            down_first,
                FitTable           *table)
{
  for (guint n = MIN (FIT_MAX_COLUMNS, n_items); n > fewest; n--)
    {
      guint n_rows = (n_items + n - 1) / n;

      /* no fewer rows than with one column less: not worth the change */
      if (n_rows == (n_items + n - 2) / (n - 1))
        continue;
      for (int down = 0; down <= 1; down++)
        {
          table->down = down_first ? !down : down;
          if (table_fit (ctx, items, n_items, width, n, size, table))
            return TRUE;
        }
    }
  return FALSE;
}

/* Lays a legend out from @y (drawing it if @draw) in @n_columns of equal
 * width, its texts wrapped in them, or in @table's; returns its height. */
static double
legend_layout (UpChartContext     *ctx,
               const UpLegendItem *items,
               guint               n_items,
               double              x,
               double              y,
               double              width,
               guint               n_columns,
               const FitTable     *table,
               double              size,
               gboolean            draw)
{
  double column_width = (width - (n_columns - 1) * LEGEND_GAP_X) / n_columns;
  double first_line = _up_chart_text_height (ctx, "Ag", size, 0, 0, 0);
  gboolean down = table != NULL && table->down;
  /* A note without a swatch last (the grid's scale, the matrix's targets
   * only in notes; not the blank that ends a key's last column) starts a
   * row of its own in columns of equal width: the legends list only what
   * their chart draws, and an odd number of entries before it put it in
   * the last column, where it wrapped. */
  gboolean note_row = table == NULL && n_items > 1 && items[n_items - 1].swatch == NULL &&
                      items[n_items - 1].text[0] != '\0' && (n_items - 1) % n_columns != 0;
  guint n_placed = note_row ? n_items - 1 : n_items;
  double y0 = y;
  guint n_rows;

  if (table != NULL)
    n_columns = table->n_columns;
  n_rows = (n_placed + n_columns - 1) / n_columns + (note_row ? 1 : 0);
  for (guint r = 0; r < n_rows; r++)
    {
      double row = SWATCH_HEIGHT;
      double cx = x;

      for (guint c = 0; c < n_columns; c++)
        {
          guint i = down ? c * n_rows + r : r * n_columns + c;
          double box = table != NULL ? table->widths[c] : column_width;
          double swatch_width = column_swatch_width (items, n_items, n_columns, down, c);
          double text_height;

          if (note_row && r == n_rows - 1)
            i = c == 0 ? n_items - 1 : n_items;
          else if (i >= n_placed)
            break;
          if (i >= n_items)
            break;
          /* A note without a swatch alone in the last row (the grid's
           * scale, the matrix's targets only in notes) has the row's whole
           * width: in its column's it wrapped a last word onto a line of
           * its own, the rest of the row empty beside it. */
          if (!down && c == 0 && i == n_items - 1 && items[i].swatch == NULL)
            box = width;
          text_height = _up_chart_text_height (ctx, items[i].text, size, 0, box - swatch_width - 8,
                                               table != NULL ? 1 : 0);
          if (draw)
            {
              double own = items[i].swatch_width > 0 ? items[i].swatch_width : SWATCH_WIDTH;

              if (items[i].swatch != NULL)
                items[i].swatch (ctx, cx + swatch_width - own, y + (first_line - SWATCH_HEIGHT) / 2,
                                 own, SWATCH_HEIGHT, items[i].data);
              _up_chart_text (ctx, items[i].text, cx + swatch_width + 8, y,
                              box - swatch_width - 8, size, UP_TEXT_MUST_FIT, 0, NULL);
            }
          row = MAX (row, text_height);
          cx += box + LEGEND_GAP_X;
        }
      y += row + legend_row_gap (ctx);
    }

  return y - y0;
}

/* A key whose items run down its columns (UpChartFrame.key_flow), each
 * column filled before the next, as a numbered list is read: laid out
 * in a table's rows (legend_layout()), 1 2 3 / 4 5 6, a reader went
 * down the first column from 1 to 4. */

/* The widest swatch of @items: every text of such a key starts after it. */
static double
flow_swatch_width (const UpLegendItem *items,
                   guint               n_items)
{
  double width = SWATCH_WIDTH;

  for (guint i = 0; i < n_items; i++)
    width = MAX (width, items[i].swatch_width);
  return width;
}

/* The height of each of @items in a column @width wide, the room under
 * it counted, as legend_layout() lays a row of one out; to free. */
static double *
flow_heights (UpChartContext     *ctx,
              const UpLegendItem *items,
              guint               n_items,
              double              width,
              double              size)
{
  double swatch = flow_swatch_width (items, n_items);
  double *heights = g_new (double, MAX (n_items, 1));

  for (guint i = 0; i < n_items; i++)
    heights[i] = MAX (SWATCH_HEIGHT, _up_chart_text_height (ctx, items[i].text, size, 0, width - swatch - 8, 0)) +
                 legend_row_gap (ctx);
  return heights;
}

/* The items from @first that fill @n_columns, each to @capacity, in
 * order: returns the first of them left over (@n_items: none), and sets
 * @height to that of the fullest column. An item taller than @capacity
 * is left over, and every one after it. */
static guint
flow_split (const double *heights,
            guint         n_items,
            guint         first,
            guint         n_columns,
            double        capacity,
            double       *height)
{
  guint i = first;

  *height = 0;
  for (guint c = 0; c < n_columns && i < n_items; c++)
    {
      double used = 0;

      for (; i < n_items; i++)
        {
          if (used + heights[i] > capacity + 0.01)
            break;
          used += heights[i];
        }
      *height = MAX (*height, used);
    }
  return i;
}

/* The least room a column needs for all the items from @first to fit
 * in @n_columns: the columns as even as they can be, to within a
 * quarter of a point. */
static double
flow_balance (const double *heights,
              guint         n_items,
              guint         first,
              guint         n_columns)
{
  double total = 0, tallest = 0, low, high, height;

  for (guint i = first; i < n_items; i++)
    {
      total += heights[i];
      tallest = MAX (tallest, heights[i]);
    }
  low = MAX (tallest, total / n_columns);
  high = total;
  if (flow_split (heights, n_items, first, n_columns, low, &height) == n_items)
    return height;
  while (high - low > 0.25)
    {
      double middle = (low + high) / 2;

      if (flow_split (heights, n_items, first, n_columns, middle, &height) == n_items)
        high = middle;
      else
        low = middle;
    }
  flow_split (heights, n_items, first, n_columns, high, &height);
  return height;
}

/* Draws items @first to before @end of @items from @x, @y down
 * @n_columns, each @column wide and filled to @capacity, as flow_split()
 * shares them out. */
static void
flow_draw (UpChartContext     *ctx,
           const UpLegendItem *items,
           guint               n_items,
           guint               first,
           guint               end,
           double              x,
           double              y,
           double              column,
           guint               n_columns,
           double              capacity,
           double              size)
{
  g_autofree double *heights = flow_heights (ctx, items, n_items, column, size);
  double swatch = flow_swatch_width (items, n_items);
  double first_line = _up_chart_text_height (ctx, "Ag", size, 0, 0, 0);
  guint i = first;

  for (guint c = 0; c < n_columns && i < end; c++)
    {
      double cx = x + c * (column + LEGEND_GAP_X);
      double used = 0;

      for (; i < end; i++)
        {
          double own = items[i].swatch_width > 0 ? items[i].swatch_width : SWATCH_WIDTH;

          if (used + heights[i] > capacity + 0.01)
            break;
          if (items[i].swatch != NULL)
            items[i].swatch (ctx, cx + swatch - own, y + used + (first_line - SWATCH_HEIGHT) / 2,
                             own, SWATCH_HEIGHT, items[i].data);
          _up_chart_text (ctx, items[i].text, cx + swatch + 8, y + used, column - swatch - 8, size,
                          UP_TEXT_MUST_FIT, 0, NULL);
          used += heights[i];
        }
    }
}

double
_up_chart_legend_height (UpChartContext     *ctx,
                         const UpLegendItem *items,
                         guint               n_items,
                         double              width,
                         guint               n_columns,
                         double              size)
{
  return legend_layout (ctx, items, n_items, 0, 0, width, n_columns, NULL, size, FALSE);
}

double
_up_chart_draw_legend (UpChartContext     *ctx,
                       const UpLegendItem *items,
                       guint               n_items,
                       double              x,
                       double              y,
                       double              width,
                       guint               n_columns,
                       double              size)
{
  return legend_layout (ctx, items, n_items, x, y, width, n_columns, NULL, size, TRUE);
}

/* A key under the legend, in files only (on screen, where the chart
 * shares a window, it would shrink the chart), of what a chart shows in
 * short: the goals' names where the wheel and the matrix show numbers (a
 * politician asks what 12 is), and the people of the grid's full cells,
 * which end with "+ N more". */
#define GOAL_KEY_COLUMNS 3
#define GOAL_KEY_ROWS ((UP_SDG_N_GOALS + GOAL_KEY_COLUMNS - 1) / GOAL_KEY_COLUMNS)
/* the grid's: a line for each full cell (25) and each name cut in a cell
 * (5 a cell, the last line of a full cell is no name) */
#define KEY_MAX_ITEMS (25 + 25 * 5)
#define KEY_SIZE 8.5
/* The legend beside the body (UpChartOptions.legend_beside), on screen:
 * larger than under it, where a page's proportions keep it small. */
#define LEGEND_COLUMN 280.0
#define LEGEND_GAP 28.0
#define LEGEND_BESIDE_SIZE 12.5
/* A chart for a slide (UpChartOptions.slide): the legend and the key
 * beside the body, so that the chart is as wide as a screen is and grows
 * to its height. Laid out under the body, the wheel was taller than wide
 * and came down to 1.2 times its size on a Full HD slide: its key's text
 * 10 pixels high, too small to read from the back of a room. */
#define SLIDE_COLUMN 540.0
#define SLIDE_LEGEND_SIZE 14.0
#define SLIDE_KEY_SIZE 13.0
#define SLIDE_KEY_COLUMNS 2
/* A slide's key made to fit 16:9 (see fit_slide_key()): its text no
 * smaller than the names in the grid's cells on a slide (9 pt ×
 * UP_CHART_GRID_SLIDE_SCALE), which it gives in full; on a Full HD
 * screen some 13 px, as large as the names it explains. In at most three
 * times its columns. */
#define SLIDE_KEY_MIN_SIZE 11.0
#define SLIDE_KEY_MAX_WIDENING 3
/* and each of its columns no narrower: some 40 characters a line */
#define SLIDE_KEY_MIN_COLUMN 220.0
/* A slide's margin, a share of its width: 24 pt came down with the chart
 * to 23-40 pixels of a Full HD slide (1.2-2 %), which a TV's overscan
 * may cut; 3 % is some 58 pixels. */
#define SLIDE_MARGIN_SHARE 0.03

typedef struct
{
  const char   *title;
  UpLegendItem  items[KEY_MAX_ITEMS];
  guint         n_items;
  guint         n_columns;
} Key;

static void
swatch_goal (UpChartContext *ctx,
             double          x,
             double          y,
             double          width,
             double          height,
             gconstpointer   data)
{
  /* 8 pt, the smallest text of a chart: 7.5 pt was smaller than the
   * text beside it, and printed smaller still. In a compact key, as tall
   * as a swatch, or the chips of two lines would all but touch. */
  double spill = ctx->legend_compact ? 0 : 1;

  _up_chart_goal_chip (ctx, GPOINTER_TO_UINT (data), x, y - spill, width, height + 2 * spill, 8.0, FALSE);
}

/* The chart's key, if it has one. The goals are laid out as the legend
 * lays out its items (a row at a time), so that they run down the
 * columns: @columns of them, 0: as many as the key has by default (1:
 * the goals in order, for a fitted layout, FitTable). */
static gboolean
frame_key (UpChartContext *ctx,
           UpChartKind     kind,
           guint           columns,
           Key            *key)
{
  if (!ctx->options->decorations || !ctx->options->key || ctx->continued)
    return FALSE;

  if (kind == UP_CHART_WHEEL || kind == UP_CHART_MATRIX || kind == UP_CHART_TIMELINE)
    {
      /* every goal, or those the chart shows (ctx->key_goals); a slide's
       * key in the column beside the chart, in fewer columns */
      guint goals[UP_SDG_N_GOALS], n_goals = 0, n_rows;

      for (guint goal = 1; goal <= UP_SDG_N_GOALS; goal++)
        if (ctx->key_goals == 0 || (ctx->key_goals & (1u << goal)) != 0)
          goals[n_goals++] = goal;
      if (n_goals == 0)
        return FALSE;
      if (columns == 0)
        columns = ctx->options->slide ? SLIDE_KEY_COLUMNS : GOAL_KEY_COLUMNS;
      n_rows = (n_goals + columns - 1) / columns;
      key->title = up_lang_gettext (ctx->lang, ctx->key_goals == 0 ? N_("The goals of Agenda 2030")
                                                                    : N_("The goals of Agenda 2030 on the chart"));
      key->n_columns = columns;
      key->n_items = n_rows * columns;
      for (guint row = 0; row < n_rows; row++)
        for (guint column = 0; column < columns; column++)
          {
            guint i = column * n_rows + row;
            UpLegendItem *item = &key->items[row * columns + column];

            if (i >= n_goals)
              *item = (UpLegendItem) { NULL, NULL, "" };
            else
              *item = (UpLegendItem) { swatch_goal, GUINT_TO_POINTER (goals[i]),
                                       up_sdg_goal_get_name_in (up_sdg_get_goal (goals[i]), ctx->lang) };
          }
      return TRUE;
    }

  if (kind == UP_CHART_GRID)
    {
      guint n_full = ctx->full_cells != NULL ? ctx->full_cells->len : 0;
      guint n_names_cut = ctx->cut_names != NULL ? ctx->cut_names->len : 0;

      if (n_full == 0 && n_names_cut == 0)
        return FALSE;
      /* A name the grid cuts (one long word does not wrap into a cell)
       * is numbered there and given in full here: a reader must be able
       * to tell who is who. */
      /* on a slide of the key alone, going on from the slide before it
       * (page_slide_key()), said to be so */
      if (ctx->paged && ctx->page > 1)
        key->title = up_lang_gettext (ctx->lang,
                                      n_full == 0 ? N_("Names cut short in the grid, in full (continued)")
                                      : n_names_cut == 0 ? N_("Everyone in the full cells (continued)")
                                      : N_("Names cut short in the grid, in full, and everyone in the full cells (continued)"));
      else if (n_full == 0)
        key->title = up_lang_gettext (ctx->lang, N_("Names cut short in the grid, in full"));
      else if (n_names_cut == 0)
        key->title = up_lang_gettext (ctx->lang, N_("Everyone in the full cells"));
      else
        key->title = up_lang_gettext (ctx->lang, N_("Names cut short in the grid, in full, and everyone in the full cells"));
      /* one column but on a slide that it would make taller than 16:9 */
      key->n_columns = MAX (columns, 1);
      key->n_items = 0;
      for (guint i = 0; i < n_names_cut && key->n_items < KEY_MAX_ITEMS; i++)
        key->items[key->n_items++] = (UpLegendItem) { _up_chart_swatch_number, GUINT_TO_POINTER (i + 1),
                                                      g_ptr_array_index (ctx->cut_names, i) };
      for (guint i = 0; i < n_full && key->n_items < KEY_MAX_ITEMS; i++)
        key->items[key->n_items++] = (UpLegendItem) { NULL, NULL, g_ptr_array_index (ctx->full_cells, i) };
      return TRUE;
    }

  return FALSE;
}

/* The width of the key's column on a slide in @widening times its
 * columns, each @column wide. */
static double
widened_column (double column,
                guint  widening)
{
  return widening * column + (widening - 1) * LEGEND_GAP_X;
}

/* A slide's key in @frame laid out by frame_beside(): on in the column,
 * under the legend, in @widening times its own columns, its text
 * @key_size. The rest of the frame stays as it is, so that trying
 * another size of the key does not lay the header and the legend out
 * again. */
static void
frame_beside_key (UpChartContext *ctx,
                  UpChartKind     kind,
                  guint           widening,
                  double          key_size,
                  UpChartFrame   *frame)
{
  Key key;
  double items_height;

  frame->natural_height = frame->body_y + MAX (frame->body_height, frame->legend_height) + frame->margin_y;
  frame->key_x = frame->key_y = frame->key_width = frame->key_height = 0;
  frame->key_columns = 0;
  frame->key_size = 0;
  frame->key_flow = FALSE;
  if (!frame_key (ctx, kind, widening * (ctx->slide_column > 0 ? 1 : SLIDE_KEY_COLUMNS), &key))
    return;
  frame->key_x = frame->legend_x;
  frame->key_y = frame->legend_y + frame->legend_height + 14;
  frame->key_width = frame->legend_width;
  frame->key_columns = key.n_columns;
  frame->key_size = key_size;
  /* The grid's numbered names and full cells down the columns, as even
   * as they can be; the goals come in the order of their rows already
   * (frame_key()). */
  if (kind == UP_CHART_GRID)
    {
      double column = (frame->key_width - (key.n_columns - 1) * LEGEND_GAP_X) / key.n_columns;
      g_autofree double *heights = flow_heights (ctx, key.items, key.n_items, column, key_size);

      frame->key_flow = TRUE;
      frame->key_first = 0;
      frame->key_end = key.n_items;
      frame->key_column_height = flow_balance (heights, key.n_items, 0, key.n_columns);
      items_height = frame->key_column_height;
    }
  else
    items_height = _up_chart_legend_height (ctx, key.items, key.n_items, frame->legend_width,
                                            key.n_columns, frame->key_size);
  frame->key_height = _up_chart_text_height (ctx, key.title, frame->legend_size,
                                             UP_TEXT_BOLD, frame->legend_width, 0) + 6 + items_height;
  frame->natural_height = MAX (frame->natural_height,
                               frame->key_y + frame->key_height + frame->margin_y - 6);
}

/* The frame of a chart whose legend (and, on a slide, the key) is in a
 * column @column_width wide right of the body: the key in @widening
 * times its own columns, its text @key_size. */
static void
frame_beside (UpChartContext     *ctx,
              UpChartKind         kind,
              const UpLegendItem *legend,
              guint               n_legend,
              double              body_width,
              double              body_height,
              double              column_width,
              guint               widening,
              double              key_size,
              UpChartFrame       *frame)
{
  gboolean decorations = ctx->options->decorations;
  double margin = UP_CHART_MARGIN, margin_y = UP_CHART_MARGIN;
  double content = body_width + LEGEND_GAP + column_width;
  double inner;

  memset (frame, 0, sizeof *frame);
  /* A slide's margins grow with it, as a TV's overscan: left and
   * right a share of the width it is shown at (content and both
   * margins), over and under the same share of the height of a
   * screen of 16:9 as wide. As 3 % of the width all round, the
   * wheel's slide grew taller than Full HD. */
  if (decorations && ctx->options->slide)
    {
      margin = MAX (UP_CHART_MARGIN, SLIDE_MARGIN_SHARE * content / (1 - 2 * SLIDE_MARGIN_SHARE));
      margin_y = MAX (UP_CHART_MARGIN, SLIDE_MARGIN_SHARE * (content + 2 * margin) * 9 / 16);
    }
  frame->margin = margin;
  frame->margin_y = margin_y;
  /* The legend in a column right of the body, from its top: in a wide
   * area the chart then grows to the area's height, and its text
   * with it. */
  frame->natural_width = MAX (content + 2 * margin, decorations ? 560 : 0);
  inner = frame->natural_width - 2 * margin;
  frame->header_height = decorations ? _up_chart_header_height (ctx, kind, inner) : 0;
  frame->body_x = margin + (inner - LEGEND_GAP - column_width - body_width) / 2;
  frame->body_y = margin_y + frame->header_height;
  frame->body_width = body_width;
  frame->body_height = body_height;
  frame->legend_x = margin + inner - column_width;
  frame->legend_y = frame->body_y;
  frame->legend_width = column_width;
  frame->legend_columns = 1;
  frame->legend_size = ctx->options->slide ? SLIDE_LEGEND_SIZE : LEGEND_BESIDE_SIZE;
  frame->legend_height = _up_chart_legend_height (ctx, legend, n_legend, column_width, 1,
                                                  frame->legend_size);
  frame->natural_height = frame->body_y + MAX (body_height, frame->legend_height) + margin_y;
  if (ctx->options->slide)
    frame_beside_key (ctx, kind, widening, key_size, frame);
}

/* Whether a slide's frame is taller than a screen of 16:9 as wide, with
 * its key, or with only what is beside the key (the body, the legend). */
static gboolean
is_taller_than_slide (const UpChartFrame *frame)
{
  return frame->natural_height > frame->natural_width * 9 / 16 + 0.5;
}

static gboolean
is_taller_than_slide_without_key (const UpChartFrame *frame)
{
  double height = frame->body_y + MAX (frame->body_height, frame->legend_height) + frame->margin_y;

  return height > frame->natural_width * 9 / 16 + 0.5;
}

/* The largest text of the key, from SLIDE_KEY_SIZE down to
 * SLIDE_KEY_MIN_SIZE, with which @frame, laid out by frame_beside() in
 * @widening times the key's columns, keeps within 16:9; FALSE if none
 * does (@frame then has the smallest). Only the key is laid out again
 * for each size: the header and the legend beside the body keep theirs. */
static gboolean
fit_slide_key_size (UpChartContext *ctx,
                    UpChartKind     kind,
                    guint           widening,
                    UpChartFrame   *frame)
{
  for (double size = SLIDE_KEY_SIZE; size >= SLIDE_KEY_MIN_SIZE - 0.01; size -= 0.5)
    {
      if (size != frame->key_size)
        frame_beside_key (ctx, kind, widening, size, frame);
      if (!is_taller_than_slide (frame))
        return TRUE;
    }
  return FALSE;
}

/* A slide's frame whose key makes it taller than 16:9 laid out again so
 * that it is not: as small in points as it can be, so that a screen
 * shows it as large as it can, every text with it, the smallest (the
 * grid's organisations and names) too; then with the largest key text.
 * The key in its column with its text smaller, down to
 * SLIDE_KEY_MIN_SIZE; else in two or three times its columns, each as
 * narrow as lets the slide keep to 16:9 (the slide as much wider) with
 * the key's smallest text, and that text then as large as the width
 * allows. Where not even that keeps it so, the slide is as tall as the
 * key, in three times its columns of the smallest text: as a long plan's
 * timeline is as tall as its rows. @frame is laid out with the key's
 * largest text in its own column (@column_width). */
static void
fit_slide_key (UpChartContext     *ctx,
               UpChartKind         kind,
               const UpLegendItem *legend,
               guint               n_legend,
               double              body_width,
               double              body_height,
               double              column_width,
               UpChartFrame       *frame)
{
  UpChartFrame best = { 0 };
  guint best_widening = 0;

  if (fit_slide_key_size (ctx, kind, 1, frame))
    return;

  for (guint widening = 2; widening <= SLIDE_KEY_MAX_WIDENING; widening++)
    {
      /* each of the key's columns from its own width down to
       * SLIDE_KEY_MIN_COLUMN, in whole points: the narrowest that fits */
      int low = (int) SLIDE_KEY_MIN_COLUMN, high = (int) column_width;
      UpChartFrame trial, fits;

      frame_beside (ctx, kind, legend, n_legend, body_width, body_height,
                    widened_column (high, widening), widening, SLIDE_KEY_MIN_SIZE, &fits);
      if (is_taller_than_slide (&fits))
        continue;
      while (low < high)
        {
          int middle = (low + high) / 2;

          frame_beside (ctx, kind, legend, n_legend, body_width, body_height,
                        widened_column (middle, widening), widening, SLIDE_KEY_MIN_SIZE, &trial);
          if (is_taller_than_slide (&trial))
            low = middle + 1;
          else
            {
              high = middle;
              fits = trial;
            }
        }
      if (fits.natural_width < (best_widening == 0 ? G_MAXDOUBLE : best.natural_width))
        {
          best = fits;
          best_widening = widening;
        }
    }

  if (best_widening == 0)
    {
      frame_beside (ctx, kind, legend, n_legend, body_width, body_height,
                    widened_column (column_width, SLIDE_KEY_MAX_WIDENING),
                    SLIDE_KEY_MAX_WIDENING, SLIDE_KEY_MIN_SIZE, frame);
      return;
    }
  /* the narrowest frame that fits, its key's text then as large as fits */
  *frame = best;
  fit_slide_key_size (ctx, kind, best_widening, frame);
}

/* The widest a slide gets for its key (fit_slide_key()), in points: on
 * a Full HD screen (1,920 px) the key's smallest text (11 pt) is then
 * 12 px and the grid's names (10.8 pt) 11.8 px, no less. The fitted
 * slide of 300 people with long names was 2,136 pt wide, its key
 * 9.9 px, which a projector's room does not read. */
#define SLIDE_MAX_WIDTH 1760.0

/* The pages of a key whose first page holds its items before @end and
 * the pages after it @n_columns filled to @room (flow_split()). */
static guint
continued_key_pages (const double *heights,
                     guint         n_items,
                     guint         end,
                     guint         n_columns,
                     double        room)
{
  guint n_pages = 1;
  double used;

  for (guint first = end; first < n_items; n_pages++)
    first = flow_split (heights, n_items, first, n_columns, room, &used);
  return n_pages;
}

/* @frame as page @page (2 or more) of such a key: the items the pages
 * before it leave, from under the header, in @n_columns filled to @room,
 * the last page's as even as they can be, not one full. */
static void
frame_continued_key (UpChartFrame *frame,
                     const double *heights,
                     guint         n_items,
                     guint         end,
                     guint         n_columns,
                     double        room,
                     guint         page)
{
  guint first = end;
  double used;

  for (guint p = 2; p < page; p++)
    first = flow_split (heights, n_items, first, n_columns, room, &used);
  frame->key_first = first;
  frame->key_end = flow_split (heights, n_items, first, n_columns, room, &used);
  frame->key_column_height = frame->key_end < n_items ? room
                             : flow_balance (heights, n_items, first, n_columns);
  frame->key_x = frame->margin;
  frame->key_y = frame->body_y;
  frame->key_height = frame->natural_height - frame->margin_y + 6 - frame->key_y;
  frame->body_width = frame->body_height = 0;
  frame->legend_height = 0;
}

/* A slide's grid whose key does not fit a slide of 16:9 no wider than
 * SLIDE_MAX_WIDTH, laid out on slides of 16:9 of that width, in a PDF
 * (UpChartContext.paged): the first the grid, its legend and as much of
 * the key as fits in the column beside them, as wide as the slide
 * allows and in as many columns as are SLIDE_KEY_MIN_COLUMN wide; the
 * slides after it the rest of the key alone, in columns as wide, under
 * the header ("Page 2 of 3") and the key's title. Every name stays in
 * the key, in text of SLIDE_KEY_MIN_SIZE or larger where the slides it
 * needs have room, and each slide is shown whole. A slide less wide, its key smaller, or the grid's own cells
 * naming everyone, would not hold a key that grows with the plan. Sets
 * @frame to the slide of ctx->page (options->page, from 1) and
 * ctx->n_pages. */
static void
page_slide_key (UpChartContext     *ctx,
                UpChartKind         kind,
                const UpLegendItem *legend,
                guint               n_legend,
                double              body_width,
                double              body_height,
                UpChartFrame       *frame)
{
  double column_width = floor (SLIDE_MAX_WIDTH * (1 - 2 * SLIDE_MARGIN_SHARE) - body_width - LEGEND_GAP);
  guint n_columns = CLAMP ((guint) floor ((column_width + LEGEND_GAP_X) / (SLIDE_KEY_MIN_COLUMN + LEGEND_GAP_X)),
                           1, SLIDE_KEY_MAX_WIDENING);
  double column = (column_width - (n_columns - 1) * LEGEND_GAP_X) / n_columns;
  g_autofree double *heights = NULL;
  double first_room, room, used, inner, tallest = 0, key_size;
  guint end, page, n_pages, n_later;
  UpChartFrame slide;
  Key key;

  frame_beside (ctx, kind, legend, n_legend, body_width, body_height, column_width, n_columns,
                SLIDE_KEY_MIN_SIZE, &slide);
  if (!frame_key (ctx, kind, n_columns, &key))
    return;
  heights = flow_heights (ctx, key.items, key.n_items, column, SLIDE_KEY_MIN_SIZE);
  slide.natural_height = slide.natural_width * 9 / 16;
  first_room = slide.natural_height - slide.margin_y - slide.key_y -
               _up_chart_text_height (ctx, key.title, slide.legend_size, UP_TEXT_BOLD, slide.key_width, 0);
  end = flow_split (heights, key.n_items, 0, n_columns, first_room, &used);

  /* the slides after it: the key from under the header, across it */
  inner = slide.natural_width - 2 * slide.margin;
  n_later = MAX (1, (guint) floor ((inner + LEGEND_GAP_X) / (column + LEGEND_GAP_X)));
  ctx->page = 2;
  frame_key (ctx, kind, n_later, &key);
  ctx->page = 0;
  room = slide.natural_height - slide.margin_y - slide.body_y -
         _up_chart_text_height (ctx, key.title, slide.legend_size, UP_TEXT_BOLD, widened_column (column, n_later), 0);
  /* A full cell of more names than a slide's column holds (some 60
   * long ones) stays on the one slide as tall as the key (@frame): on
   * slides of 16:9 the end of its line would be cut off. */
  for (guint i = 0; i < key.n_items; i++)
    tallest = MAX (tallest, heights[i]);
  if (tallest > room)
    return;
  /* The whole key on the first slide: it stays the one slide
   * fit_slide_key() laid out (at most a little wider than
   * SLIDE_MAX_WIDTH), so that a PDF of one page has the size and the
   * layout of up_chart_get_size() and up_chart_draw(). */
  if (end == key.n_items)
    return;
  n_pages = continued_key_pages (heights, key.n_items, end, n_later, room);

  /* The key as large as keeps it to as many slides (up to the size of
   * a key that fits one, SLIDE_KEY_SIZE), and the slides after the
   * first filled evenly, each to the least room that still holds it in
   * them: at SLIDE_KEY_MIN_SIZE throughout, the slides after the first
   * were full but for the last, which had a few lines where a key of
   * 150 people first went on to a second slide, all in text of 11 pt. */
  key_size = SLIDE_KEY_MIN_SIZE;
  for (double size = SLIDE_KEY_SIZE; size > SLIDE_KEY_MIN_SIZE + 0.01; size -= 0.5)
    {
      g_autofree double *larger = flow_heights (ctx, key.items, key.n_items, column, size);
      guint larger_end = flow_split (larger, key.n_items, 0, n_columns, first_room, &used);
      double larger_tallest = 0;

      for (guint i = 0; i < key.n_items; i++)
        larger_tallest = MAX (larger_tallest, larger[i]);
      if (larger_tallest > room || larger_end == key.n_items ||
          continued_key_pages (larger, key.n_items, larger_end, n_later, room) > n_pages)
        continue;
      g_free (heights);
      heights = g_steal_pointer (&larger);
      end = larger_end;
      tallest = larger_tallest;
      key_size = size;
      break;
    }
  {
    double low = tallest, high = room;

    while (high - low > 0.25)
      {
        double middle = (low + high) / 2;

        if (continued_key_pages (heights, key.n_items, end, n_later, middle) > n_pages)
          low = middle;
        else
          high = middle;
      }
    room = high;
  }
  *frame = slide;
  frame->key_size = key_size;

  ctx->n_pages = n_pages;
  ctx->page = page = CLAMP (ctx->options->page, 1, n_pages);
  if (page == 1)
    {
      frame->key_end = end;
      frame->key_column_height = first_room;
      /* no title alone beside the grid (a cell of 300 names, taller than
       * the room under the legend): the key then begins on the next */
      frame->key_height = end > 0 ? frame->natural_height - frame->margin_y + 6 - frame->key_y : 0;
      return;
    }

  frame_continued_key (frame, heights, key.n_items, end, n_later, room, page);
  frame->key_columns = n_later;
  frame->key_width = widened_column (column, n_later);
}

/* What a printer prints of A4's height (18 pt margins): a page of the
 * grid no taller prints at its own size. */
#define PAGE_MAX_HEIGHT (841.89 - 2 * 18.0)

/* A page's grid whose key of full cells makes it taller than
 * PAGE_MAX_HEIGHT, in a PDF (UpChartContext.paged): the first page the
 * grid, its legend and as much of the key as fits under them, the pages
 * after it the rest of the key alone under the header ("Page 2 of 3")
 * and the key's title, each page PAGE_MAX_HEIGHT tall. One page as tall
 * as its key was shrunk on A4 to a third (2.9 pt for 120 people). Sets
 * @frame to the page of ctx->page (options->page, from 1) and
 * ctx->n_pages. */
static void
page_print_key (UpChartContext *ctx,
                UpChartKind     kind,
                UpChartFrame   *frame)
{
  double inner = frame->natural_width - 2 * frame->margin;
  g_autofree double *heights = NULL;
  double column, first_room, room, used, tallest = 0;
  guint n_columns, end, n_pages, page;
  Key key;

  if (!frame_key (ctx, kind, 0, &key))
    return;
  n_columns = MAX (key.n_columns, 1);
  column = (inner - (n_columns - 1) * LEGEND_GAP_X) / n_columns;
  heights = flow_heights (ctx, key.items, key.n_items, column, KEY_SIZE);
  first_room = PAGE_MAX_HEIGHT - frame->margin_y - frame->key_y - 6 -
               _up_chart_text_height (ctx, key.title, UP_CHART_LEGEND_SIZE, UP_TEXT_BOLD, inner, 0);
  end = flow_split (heights, key.n_items, 0, n_columns, first_room, &used);

  /* the pages after it: the key from under the header */
  ctx->page = 2;
  frame_key (ctx, kind, 0, &key);
  ctx->page = 0;
  room = PAGE_MAX_HEIGHT - frame->margin_y - frame->body_y - 6 -
         _up_chart_text_height (ctx, key.title, UP_CHART_LEGEND_SIZE, UP_TEXT_BOLD, inner, 0);
  /* an item taller than a page (a full cell of some 200 names) keeps
   * the one page as tall as the key */
  for (guint i = 0; i < key.n_items; i++)
    tallest = MAX (tallest, heights[i]);
  if (tallest > room || end == key.n_items)
    return;
  n_pages = continued_key_pages (heights, key.n_items, end, n_columns, room);

  ctx->n_pages = n_pages;
  ctx->page = page = CLAMP (ctx->options->page, 1, n_pages);
  frame->natural_height = PAGE_MAX_HEIGHT;
  frame->key_flow = TRUE;
  frame->key_fitted = FALSE;
  frame->key_columns = n_columns;
  frame->key_size = KEY_SIZE;
  if (page == 1)
    {
      frame->key_first = 0;
      frame->key_end = end;
      frame->key_column_height = first_room;
      /* no title alone at the foot of the page: the key then begins on
       * the next */
      frame->key_height = frame->natural_height - frame->margin_y + 6 - frame->key_y;
      return;
    }

  frame_continued_key (frame, heights, key.n_items, end, n_columns, room, page);
}

void
_up_chart_frame_compute (UpChartContext     *ctx,
                         UpChartKind         kind,
                         const UpLegendItem *legend,
                         guint               n_legend,
                         double              body_width,
                         double              body_height,
                         double              width,
                         double              height,
                         UpChartFrame       *frame)
{
  gboolean decorations = ctx->options->decorations;
  gboolean show_legend = (decorations || ctx->options->legend) && n_legend > 0;
  double margin = UP_CHART_MARGIN, margin_y = UP_CHART_MARGIN;
  double inner;
  Key key;

  memset (frame, 0, sizeof *frame);
  frame->margin = margin;
  frame->margin_y = margin_y;
  frame->natural_width = body_width + 2 * UP_CHART_MARGIN;
  if (decorations)
    frame->natural_width = MAX (frame->natural_width, 560);
  inner = frame->natural_width - 2 * UP_CHART_MARGIN;

  if (show_legend && ((ctx->options->legend_beside && !ctx->options->key) ||
                      (decorations && ctx->options->slide)))
    {
      double column_width = !ctx->options->slide ? LEGEND_COLUMN
                            : ctx->slide_column > 0 ? ctx->slide_column : SLIDE_COLUMN;

      frame_beside (ctx, kind, legend, n_legend, body_width, body_height, column_width, 1, SLIDE_KEY_SIZE, frame);
      /* A slide keeps to 16:9 where the key is what makes it taller (the
       * grid's full cells of a crowded plan: a slide of 1,435 × 1,231 pt,
       * which a Full HD screen showed at 0.88 px/pt): see fit_slide_key(). */
      if (ctx->options->slide && frame->key_height > 0 && is_taller_than_slide (frame) &&
          !is_taller_than_slide_without_key (frame))
        fit_slide_key (ctx, kind, legend, n_legend, body_width, body_height, column_width, frame);
      if (ctx->paged && frame->key_flow &&
          (is_taller_than_slide (frame) || frame->natural_width > SLIDE_MAX_WIDTH + 0.5))
        page_slide_key (ctx, kind, legend, n_legend, body_width, body_height, frame);
      margin = frame->margin;
      margin_y = frame->margin_y;
      inner = frame->natural_width - 2 * margin;
    }
  else
    {
      frame->header_height = decorations ? _up_chart_header_height (ctx, kind, inner) : 0;
      frame->body_x = UP_CHART_MARGIN + (inner - body_width) / 2;
      frame->body_y = UP_CHART_MARGIN + frame->header_height;
      frame->body_width = body_width;
      frame->body_height = body_height;
      frame->legend_x = UP_CHART_MARGIN;
      frame->legend_y = frame->body_y + body_height + (ctx->legend_compact ? 7 : 16);
      frame->legend_width = inner;
      frame->legend_columns = ctx->legend_columns > 0 ? ctx->legend_columns : 2;
      frame->legend_size = UP_CHART_LEGEND_SIZE;
      frame->legend_height = show_legend
                             ? _up_chart_legend_height (ctx, legend, n_legend, inner, frame->legend_columns,
                                                        UP_CHART_LEGEND_SIZE)
                             : 0;
      if (show_legend && ctx->legend_fit)
        {
          FitTable table;

          /* in more columns than the legend's own where its texts fit
           * them, else in as many, fitted, where that is lower: columns
           * of equal width wrapped the text of the widest swatch, which
           * starts further in (the timeline's chips) */
          if (table_fit_most (ctx, legend, n_legend, inner, MAX (frame->legend_columns, 2) - 1,
                              UP_CHART_LEGEND_SIZE, FALSE, &table))
            {
              double fitted = legend_layout (ctx, legend, n_legend, 0, 0, inner, 0, &table,
                                             UP_CHART_LEGEND_SIZE, FALSE);

              if (table.n_columns > frame->legend_columns || fitted < frame->legend_height)
                {
                  frame->legend_fitted = TRUE;
                  frame->legend_down = table.down;
                  frame->legend_columns = table.n_columns;
                  frame->legend_height = fitted;
                }
            }
        }
      frame->natural_height = show_legend
                              ? frame->legend_y + frame->legend_height + UP_CHART_MARGIN - legend_row_gap (ctx)
                              : frame->body_y + body_height + UP_CHART_MARGIN;
    }
  if (frame->key_height == 0 && frame_key (ctx, kind, 0, &key))
    {
      frame->key_x = margin;
      frame->key_y = frame->natural_height - margin_y + legend_row_gap (ctx) + 8;
      frame->key_width = inner;
      frame->key_columns = key.n_columns;
      frame->key_size = KEY_SIZE;
      frame->key_height = _up_chart_legend_height (ctx, key.items, key.n_items, inner,
                                                   key.n_columns, KEY_SIZE);
      if (ctx->legend_fit && frame_key (ctx, kind, 1, &key))
        {
          FitTable table;

          /* a compact key's goals in order down its columns, as a key
           * that is not fitted has them, where they fit so */
          if (table_fit_most (ctx, key.items, key.n_items, inner, frame->key_columns, KEY_SIZE,
                              ctx->legend_compact, &table))
            {
              frame->key_fitted = TRUE;
              frame->key_down = table.down;
              frame->key_columns = table.n_columns;
              frame->key_height = legend_layout (ctx, key.items, key.n_items, 0, 0, inner, 0, &table,
                                                 KEY_SIZE, FALSE);
            }
        }
      frame->key_height += _up_chart_text_height (ctx, key.title, UP_CHART_LEGEND_SIZE,
                                                  UP_TEXT_BOLD, inner, 0) + 6;
      frame->natural_height = frame->key_y + frame->key_height + margin_y - legend_row_gap (ctx);
      if (ctx->paged && kind == UP_CHART_GRID && decorations && frame->natural_height > PAGE_MAX_HEIGHT)
        page_print_key (ctx, kind, frame);
    }

  if (width <= 0 || height <= 0)
    {
      frame->scale = 1;
      return;
    }
  frame->scale = MIN (width / frame->natural_width, height / frame->natural_height);
  frame->offset_x = (width - frame->natural_width * frame->scale) / 2;
  frame->offset_y = (height - frame->natural_height * frame->scale) / 2;
}

gboolean
_up_chart_in_clip (UpChartContext *ctx,
                   double          y1,
                   double          y2)
{
  /* Ink beyond a box: a glyph's accent above its line, a stroke's half
   * width, antialiasing. */
  const double spill = 6;
  double clip_x1, clip_y1, clip_x2, clip_y2;

  cairo_clip_extents (ctx->cr, &clip_x1, &clip_y1, &clip_x2, &clip_y2);
  return y2 + spill >= clip_y1 && y1 - spill <= clip_y2;
}

void
_up_chart_frame_draw (UpChartContext     *ctx,
                      UpChartKind         kind,
                      const UpChartFrame *frame,
                      const UpLegendItem *legend,
                      guint               n_legend,
                      double              width,
                      double              height)
{
  double inner = frame->natural_width - 2 * frame->margin;
  guint page = ctx->page;
  Key key;

  _up_chart_set_colour (ctx->cr, &ctx->bg);
  cairo_rectangle (ctx->cr, 0, 0, width, height);
  cairo_fill (ctx->cr);

  cairo_translate (ctx->cr, frame->offset_x, frame->offset_y);
  cairo_scale (ctx->cr, frame->scale, frame->scale);

  if (ctx->options->decorations && _up_chart_in_clip (ctx, 0, frame->body_y))
    {
      _up_chart_draw_header (ctx, kind, frame->margin, frame->margin_y, inner);
      _up_chart_set_colour (ctx->cr, &ctx->line);
      cairo_set_line_width (ctx->cr, 1);
      cairo_move_to (ctx->cr, frame->margin, frame->body_y - 7.5);
      cairo_line_to (ctx->cr, frame->margin + inner, frame->body_y - 7.5);
      cairo_stroke (ctx->cr);
    }

  if ((ctx->options->decorations || ctx->options->legend) && n_legend > 0 &&
      _up_chart_in_clip (ctx, frame->legend_y, frame->legend_y + frame->legend_height))
    {
      FitTable table = { .down = frame->legend_down };

      if (frame->legend_fitted)
        table_fit (ctx, legend, n_legend, frame->legend_width, frame->legend_columns, frame->legend_size, &table);
      legend_layout (ctx, legend, n_legend, frame->legend_x, frame->legend_y, frame->legend_width,
                     frame->legend_columns, frame->legend_fitted ? &table : NULL, frame->legend_size, TRUE);
    }

  /* a key that begins on a page after the first is not "continued" */
  if (frame->key_flow && frame->key_first == 0)
    ctx->page = MIN (ctx->page, 1);
  if (frame->key_height > 0 &&
      _up_chart_in_clip (ctx, frame->key_y - 7, frame->key_y + frame->key_height) &&
      frame_key (ctx, kind, frame->key_fitted ? 1 : frame->key_columns, &key))
    {
      FitTable table = { .down = frame->key_down };
      double y = frame->key_y;
      /* its title as large as the legend beside it on a slide */
      double title_size = ctx->options->slide && (frame->key_x > frame->margin || frame->key_flow)
                          ? frame->legend_size : UP_CHART_LEGEND_SIZE;

      /* under the header's line on a slide of the key alone */
      if (frame->key_y > frame->body_y)
        {
          _up_chart_set_colour (ctx->cr, &ctx->line);
          cairo_set_line_width (ctx->cr, 0.75);
          cairo_move_to (ctx->cr, frame->key_x, y - 6.5);
          cairo_line_to (ctx->cr, frame->key_x + frame->key_width, y - 6.5);
          cairo_stroke (ctx->cr);
        }
      y += _up_chart_text (ctx, key.title, frame->key_x, y, frame->key_width,
                           title_size, UP_TEXT_BOLD | UP_TEXT_MUST_FIT, 0, NULL) + 6;
      if (frame->key_flow)
        flow_draw (ctx, key.items, key.n_items, frame->key_first, frame->key_end, frame->key_x, y,
                   (frame->key_width - (frame->key_columns - 1) * LEGEND_GAP_X) / frame->key_columns,
                   frame->key_columns, frame->key_column_height, frame->key_size);
      else
        {
          if (frame->key_fitted)
            table_fit (ctx, key.items, key.n_items, frame->key_width, frame->key_columns, frame->key_size, &table);
          legend_layout (ctx, key.items, key.n_items, frame->key_x, y, frame->key_width, frame->key_columns,
                         frame->key_fitted ? &table : NULL, frame->key_size, TRUE);
        }
    }
  ctx->page = page;
}

double
_up_chart_slide_body_scale (UpChartKind kind)
{
  switch (kind)
    {
    case UP_CHART_BARS:
      return UP_CHART_BARS_SLIDE_SCALE;
    case UP_CHART_GRID:
      return UP_CHART_GRID_SLIDE_SCALE;
    case UP_CHART_TIMELINE:
      return UP_CHART_TIMELINE_SLIDE_SCALE;
    default:
      return 1.0;
    }
}

void
_up_chart_frame_scale_body (UpChartContext     *ctx,
                            const UpChartFrame *frame,
                            double              scale)
{
  if (scale == 1)
    return;
  cairo_translate (ctx->cr, frame->body_x, frame->body_y);
  cairo_scale (ctx->cr, scale, scale);
  cairo_translate (ctx->cr, -frame->body_x, -frame->body_y);
}

void
_up_chart_swatch_number (UpChartContext *ctx,
                         double          x,
                         double          y,
                         double          width,
                         double          height,
                         gconstpointer   data)
{
  char number[16];

  /* as large as the number before the name in its cell (9 pt, on a
   * slide larger with the grid): the key's 9 pt beside a slide's grid
   * was 9.8 px on Full HD, the smallest text of the slide */
  double size = _up_chart_is_slide (ctx) ? 9.0 * UP_CHART_GRID_SLIDE_SCALE : 9.0;

  g_snprintf (number, sizeof number, "%u", GPOINTER_TO_UINT (data));
  _up_chart_text (ctx, number, x + width, y + height / 2, 0, size,
                  UP_TEXT_BOLD | UP_TEXT_RIGHT | UP_TEXT_MIDDLE, 0, NULL);
}

void
up_chart_options_init (UpChartOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->decorations = TRUE;
}

/* A politician handed a chart headed "Untitled procurement" could not
 * tell which procurement it was about. The strategist who left the title
 * empty named the file ("Trygghetslarm 2026.upphandla"), and the window
 * names the project by it too. */
char *
up_chart_get_project_name (UpProject            *project,
                           const UpChartOptions *options,
                           gsize                 max_chars)
{
  g_autofree char *title = NULL;
  g_autofree char *file_name = NULL;
  GFile *file;

  g_return_val_if_fail (UP_IS_PROJECT (project), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  title = _up_chart_clean_text (up_project_get_title (project), max_chars);
  if (g_strstrip (title)[0] != '\0')
    return g_steal_pointer (&title);

  if (options->file_name != NULL)
    file_name = g_strdup (options->file_name);
  else if ((file = up_project_get_file (project)) != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      if (basename != NULL)
        file_name = g_filename_display_name (basename);
    }
  if (file_name != NULL && g_str_has_suffix (file_name, ".upphandla"))
    file_name[strlen (file_name) - strlen (".upphandla")] = '\0';
  if (file_name != NULL)
    {
      g_autofree char *clean = _up_chart_clean_text (file_name, max_chars);

      if (g_strstrip (clean)[0] != '\0')
        return g_steal_pointer (&clean);
    }

  return g_strdup (up_lang_gettext (options->lang, N_("Untitled procurement")));
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
  g_return_val_if_fail (kind < G_N_ELEMENTS (kind_titles), NULL);
  return up_lang_gettext (lang, kind_titles[kind]);
}

/* The stakeholders have no local goal: the grid is the project's whatever
 * goal the other charts are limited to (its header named the goal over
 * everyone). */
static const UpChartOptions *
options_for (UpChartKind           kind,
             const UpChartOptions *options,
             UpChartOptions       *scoped)
{
  if (kind != UP_CHART_GRID || options->local_goal == NULL)
    return options;
  *scoped = *options;
  scoped->local_goal = NULL;
  scoped->coverage = NULL;
  return scoped;
}

/* The report is a page of A4 landscape, whatever the project holds. */
static void
report_size (UpChartContext *ctx,
             double         *width,
             double         *height)
{
  *width = 841.89;
  *height = 595.28;
}

/* What each kind of chart measures and draws with. */
static const struct
{
  void (*size) (UpChartContext *ctx, double *width, double *height);
  void (*draw) (UpChartContext *ctx, double width, double height);
} kinds[] = {
  [UP_CHART_WHEEL] = { _up_chart_wheel_size, _up_chart_wheel_draw },
  [UP_CHART_BARS] = { _up_chart_bars_size, _up_chart_bars_draw },
  [UP_CHART_MATRIX] = { _up_chart_matrix_size, _up_chart_matrix_draw },
  [UP_CHART_GRID] = { _up_chart_grid_size, _up_chart_grid_draw },
  [UP_CHART_REPORT] = { report_size, _up_chart_report_draw },
  [UP_CHART_TIMELINE] = { _up_chart_timeline_size, _up_chart_timeline_draw },
};

static void
size_of (UpChartContext *ctx,
         UpChartKind     kind,
         double         *width,
         double         *height)
{
  g_return_if_fail (kind < G_N_ELEMENTS (kinds));

  kinds[kind].size (ctx, width, height);
}

void
up_chart_get_size (UpChartKind           kind,
                   UpProject            *project,
                   const UpChartOptions *options,
                   double               *width,
                   double               *height)
{
  cairo_t *cr;
  UpChartContext ctx;
  UpChartOptions scoped;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (options != NULL);
  g_return_if_fail (width != NULL && height != NULL);

  if (kind == UP_CHART_REPORT)
    {
      size_of (NULL, kind, width, height);
      return;
    }

  cr = _up_chart_measure_cr ();
  _up_chart_context_init (&ctx, cr, project, options_for (kind, options, &scoped), FALSE);
  size_of (&ctx, kind, width, height);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);
}

/* The kinds that may take more than a page in a PDF: the matrix's and the
 * timeline's rows on pages of A4, a slide's grid's key on more slides. */
static gboolean
is_paged_kind (UpChartKind kind)
{
  return kind == UP_CHART_MATRIX || kind == UP_CHART_TIMELINE || kind == UP_CHART_GRID;
}

static guint
paged_n_pages (UpChartContext *ctx,
               UpChartKind     kind)
{
  if (kind == UP_CHART_MATRIX)
    return _up_chart_matrix_n_pages (ctx);
  if (kind == UP_CHART_TIMELINE)
    return _up_chart_timeline_n_pages (ctx);
  if (kind == UP_CHART_GRID)
    return _up_chart_grid_n_pages (ctx);
  return 1;
}

guint
up_chart_get_n_pages (UpChartKind           kind,
                      UpProject            *project,
                      const UpChartOptions *options)
{
  cairo_t *cr;
  UpChartContext ctx;
  guint n_pages;

  g_return_val_if_fail (UP_IS_PROJECT (project), 1);
  g_return_val_if_fail (options != NULL, 1);

  if (!is_paged_kind (kind))
    return 1;

  cr = _up_chart_measure_cr ();
  _up_chart_context_init (&ctx, cr, project, options, FALSE);
  n_pages = paged_n_pages (&ctx, kind);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);
  return n_pages;
}

static void
draw_kind (UpChartContext *ctx,
           UpChartKind     kind,
           double          width,
           double          height)
{
  g_return_if_fail (kind < G_N_ELEMENTS (kinds));

  kinds[kind].draw (ctx, width, height);
}

static gboolean
kind_needs_coverage (UpChartKind kind)
{
  return kind == UP_CHART_WHEEL || kind == UP_CHART_BARS || kind == UP_CHART_REPORT;
}

guint
up_chart_get_pages (UpChartKind           kind,
                    UpProject            *project,
                    const UpChartOptions *options,
                    double               *width,
                    double               *height)
{
  cairo_t *cr;
  UpChartContext ctx;
  UpChartOptions scoped, page;
  guint n_pages;

  g_return_val_if_fail (UP_IS_PROJECT (project), 1);
  g_return_val_if_fail (options != NULL, 1);
  g_return_val_if_fail (width != NULL && height != NULL, 1);

  if (!is_paged_kind (kind))
    {
      up_chart_get_size (kind, project, options, width, height);
      return 1;
    }

  /* One context for both: the rows are read and the frame laid out once. */
  page = *options_for (kind, options, &scoped);
  page.page = 0;
  cr = _up_chart_measure_cr ();
  _up_chart_context_init (&ctx, cr, project, &page, FALSE);
  n_pages = paged_n_pages (&ctx, kind);
  page.page = n_pages > 1 ? 1 : 0;
  size_of (&ctx, kind, width, height);
  _up_chart_context_clear (&ctx);
  cairo_destroy (cr);
  return n_pages;
}

void
up_chart_draw_pages (UpChartKind           kind,
                     UpProject            *project,
                     const UpChartOptions *options,
                     cairo_t              *cr,
                     double                width,
                     double                height)
{
  UpChartContext ctx;
  UpChartOptions scoped, page;
  guint n_pages;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  page = *options_for (kind, options, &scoped);
  _up_chart_context_init (&ctx, cr, project, &page, kind_needs_coverage (kind));
  n_pages = paged_n_pages (&ctx, kind);
  for (page.page = 1; page.page <= n_pages; page.page++)
    {
      cairo_save (cr);
      _up_chart_set_colour (cr, &ctx.bg);
      cairo_paint (cr);
      draw_kind (&ctx, kind, width, height);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  _up_chart_context_clear (&ctx);
}

/* A chart drawn in pieces (the bands of a tall PNG) reads the project and
 * lays out its text once, not once a piece. */
struct _UpChartPainter
{
  UpChartKind    kind;
  UpChartOptions options;
  UpChartContext ctx;
};

UpChartPainter *
_up_chart_painter_new (UpChartKind           kind,
                       UpProject            *project,
                       const UpChartOptions *options,
                       cairo_surface_t      *target)
{
  UpChartPainter *painter = g_new0 (UpChartPainter, 1);
  UpChartOptions scoped;
  cairo_t *cr = cairo_create (target);

  painter->kind = kind;
  painter->options = *options_for (kind, options, &scoped);
  _up_chart_context_init (&painter->ctx, cr, project, &painter->options, kind_needs_coverage (kind));
  painter->ctx.cr = NULL;
  cairo_destroy (cr);
  return painter;
}

/* Draws the chart into @width × @height of @cr, whose surface is of the
 * kind of the painter's @target. */
void
_up_chart_painter_draw (UpChartPainter *painter,
                        cairo_t        *cr,
                        double          width,
                        double          height)
{
  painter->ctx.cr = cr;
  cairo_save (cr);
  draw_kind (&painter->ctx, painter->kind, width, height);
  cairo_restore (cr);
  /* the text of one piece is seldom another's (a stage's title): kept,
   * the layouts of a tall chart took more memory than its pixels */
  if (painter->ctx.layouts != NULL)
    g_hash_table_remove_all (painter->ctx.layouts);
}

void
_up_chart_painter_free (UpChartPainter *painter)
{
  _up_chart_context_clear (&painter->ctx);
  g_free (painter);
}

void
up_chart_draw (UpChartKind           kind,
               UpProject            *project,
               const UpChartOptions *options,
               cairo_t              *cr,
               double                width,
               double                height)
{
  UpChartPainter *painter;

  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (options != NULL);
  g_return_if_fail (cr != NULL);

  if (width <= 0 || height <= 0)
    return;

  painter = _up_chart_painter_new (kind, project, options, cairo_get_target (cr));
  _up_chart_painter_draw (painter, cr, width, height);
  _up_chart_painter_free (painter);
}
