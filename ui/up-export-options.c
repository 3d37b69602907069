/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "up-a11y-util.h"
#include "up-export-options.h"

#define SETTINGS_SCHEMA_ID "io.github.upphandla.Upphandla"

struct _UpExportOptions
{
  AdwBin       parent_instance;

  GtkListBox  *list;
  AdwComboRow *chart_row;      /* NULL until there are charts to choose */
  AdwComboRow *format_row;
  AdwComboRow *size_row;       /* shown for a PNG only */
  AdwComboRow *layout_row;     /* shown for a PDF only */
  AdwComboRow *lang_row;
  GSettings   *settings;       /* NULL where the schema is not installed */
};

G_DEFINE_FINAL_TYPE (UpExportOptions, up_export_options, ADW_TYPE_BIN)

static const UpExportFormat formats[] = { UP_EXPORT_PNG, UP_EXPORT_SVG, UP_EXPORT_PDF };

static const char * const format_labels[] = {
  N_("PNG image"), N_("SVG drawing"), N_("PDF document"),
};

/* In the order of UpPngSize. A slide's and a page's size is what the
 * whole chart keeps within, as large as it fits. */
static const struct
{
  const char *name;           /* in GSettings */
  const char *label;
  int         width, height;  /* the pixels the chart keeps within */
} png_sizes[] = {
  /* Translators: A size of an exported PNG image: the chart's own size at
   * twice the resolution, sharp on a screen or in an e-mail. */
  { "screen", N_("Screen"), 0, 0 },
  /* Translators: A size of an exported PNG image: the whole chart within
   * the 1920 × 1080 pixels ("Full HD") of a projector showing a slide.
   * The list of sizes cuts a label of more than about 20 characters. */
  { "slide", N_("Slide, Full HD"), 1920, 1080 },
  /* Translators: A size of an exported PNG image: the whole chart within
   * the 3840 × 2160 pixels of a 4K screen showing a slide. */
  { "slide-4k", N_("Slide, 4K"), 3840, 2160 },
  /* Translators: A size of an exported PNG image: the whole chart on an
   * A4 page printed at 300 dots per inch (3508 × 2480 pixels). */
  { "print", N_("Print, A4 at 300 dpi"), 3508, 2480 },
};

/* In the order of UpPdfLayout. */
static const struct
{
  const char *name;           /* in GSettings */
  const char *label;
} pdf_layouts[] = {
  /* Translators: A layout of an exported PDF: the chart on pages to
   * print, as large as the chart is. The list cuts a label of more than
   * about 20 characters. */
  { "pages", N_("Pages, for print") },
  /* Translators: A layout of an exported PDF: each page a slide of 16:9
   * to show on a projector, the legend and the key beside the chart in
   * larger text, a long key going on to more slides. */
  { "slides", N_("Slides, 16:9") },
};

static const UpLang langs[] = { UP_LANG_SV, UP_LANG_EN };

/* Translators: Languages an exported chart can be written in. */
static const char * const lang_labels[] = { N_("Swedish"), N_("English") };

static gboolean
ui_is_swedish (void)
{
  const char * const *names = g_get_language_names ();

  return names[0] != NULL && g_str_has_prefix (names[0], "sv");
}

static AdwComboRow *
combo_row (const char         *title,
           const char * const *labels,
           guint               n_labels,
           gboolean            translate,
           guint               selected)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_labels; i++)
    gtk_string_list_append (model, translate ? _(labels[i]) : labels[i]);

  /* Alt and the title's key opens the row's choices: a keyboard user
   * goes straight to the language rather than by Tab through every row. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, MIN (selected, n_labels - 1));

  return row;
}

/* An SVG or a PDF is drawn at the chart's own size, in points; an SVG,
 * one picture, has no pages to lay out. */
static void
update_format_rows (UpExportOptions *self)
{
  UpExportFormat format = up_export_options_get_format (self);

  gtk_widget_set_visible (GTK_WIDGET (self->size_row), format == UP_EXPORT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->layout_row), format == UP_EXPORT_PDF);
}

static void
up_export_options_dispose (GObject *object)
{
  UpExportOptions *self = UP_EXPORT_OPTIONS (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (up_export_options_parent_class)->dispose (object);
}

static void
up_export_options_class_init (UpExportOptionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = up_export_options_dispose;
}

static void
up_export_options_init (UpExportOptions *self)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  guint format = 0, size = 0, layout = 0, lang = ui_is_swedish () ? 0 : 1;
  const char *size_labels[G_N_ELEMENTS (png_sizes)];
  const char *layout_labels[G_N_ELEMENTS (pdf_layouts)];

  /* Run from the build tree or a test, the schema may not be installed:
   * then nothing is remembered. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, SETTINGS_SCHEMA_ID, TRUE);
  if (schema != NULL)
    {
      g_autofree char *last_format = NULL;
      g_autofree char *last_size = NULL;
      g_autofree char *last_layout = NULL;
      g_autofree char *last_lang = NULL;

      self->settings = g_settings_new (SETTINGS_SCHEMA_ID);
      last_format = g_settings_get_string (self->settings, "last-export-format");
      last_size = g_settings_get_string (self->settings, "last-export-png-size");
      last_layout = g_settings_get_string (self->settings, "last-export-pdf-layout");
      last_lang = g_settings_get_string (self->settings, "last-export-language");
      for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
        if (g_strcmp0 (last_format, up_export_format_get_name (formats[i])) == 0)
          format = i;
      for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
        if (g_strcmp0 (last_size, png_sizes[i].name) == 0)
          size = i;
      for (guint i = 0; i < G_N_ELEMENTS (pdf_layouts); i++)
        if (g_strcmp0 (last_layout, pdf_layouts[i].name) == 0)
          layout = i;
      for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
        if (g_strcmp0 (last_lang, up_lang_get_code (langs[i])) == 0)
          lang = i;
    }

  /* Translators: The row of the export dialog that chooses the format
   * (PNG, SVG, PDF). Its access key (after "_") is unique in the dialog
   * with C_hart, _Size, La_yout, _Language and the buttons _Cancel and
   * _Export…; in Swedish D, F, T, U, S, A, E. */
  self->format_row = combo_row (_("_Format"), format_labels, G_N_ELEMENTS (format_labels), TRUE, format);
  for (guint i = 0; i < G_N_ELEMENTS (png_sizes); i++)
    size_labels[i] = png_sizes[i].label;
  /* Translators: The row of the export dialog that chooses a PNG's size.
   * Its access key is unique in the dialog, as _Format's is (Swedish
   * "S_torlek": S is "_Språk", as in the print dialog). */
  self->size_row = combo_row (_("_Size"), size_labels, G_N_ELEMENTS (size_labels), TRUE, size);
  for (guint i = 0; i < G_N_ELEMENTS (pdf_layouts); i++)
    layout_labels[i] = pdf_layouts[i].label;
  /* Translators: The row of the export dialog that chooses a PDF's
   * layout: pages to print or slides to show. Its access key is unique in
   * the dialog, as _Format's is: L is _Language's. */
  self->layout_row = combo_row (_("La_yout"), layout_labels, G_N_ELEMENTS (layout_labels), TRUE, layout);
  /* Translators: The row of the export dialog that chooses the chart's
   * language, with the same key as the print dialog's "_Language:". Its
   * access key is unique in the dialog, as _Format's is. */
  self->lang_row = combo_row (_("_Language"), lang_labels, G_N_ELEMENTS (lang_labels), TRUE, lang);
  update_format_rows (self);
  g_signal_connect_object (self->format_row, "notify::selected", G_CALLBACK (update_format_rows), self,
                           G_CONNECT_SWAPPED);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  /* Translators: What a screen reader calls the list of an export
   * dialog's choices (chart, format, size, language) as it enters it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Export Settings"), -1);
  gtk_list_box_append (self->list, GTK_WIDGET (self->format_row));
  gtk_list_box_append (self->list, GTK_WIDGET (self->size_row));
  gtk_list_box_append (self->list, GTK_WIDGET (self->layout_row));
  gtk_list_box_append (self->list, GTK_WIDGET (self->lang_row));
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
}

GtkWidget *
up_export_options_new (void)
{
  return g_object_new (UP_TYPE_EXPORT_OPTIONS, NULL);
}

void
up_export_options_set_charts (UpExportOptions    *self,
                              const char * const *labels,
                              guint               n_labels,
                              guint               selected)
{
  g_return_if_fail (UP_IS_EXPORT_OPTIONS (self));
  g_return_if_fail (self->chart_row == NULL);
  g_return_if_fail (n_labels > 0);

  /* Translators: The row of the Agenda 2030 chart's export dialog that
   * chooses among its charts. Its access key is unique in the dialog, as
   * _Format's is: C is _Cancel's. */
  self->chart_row = combo_row (_("C_hart"), labels, n_labels, FALSE, selected);
  gtk_list_box_prepend (self->list, GTK_WIDGET (self->chart_row));
}

guint
up_export_options_get_chart (UpExportOptions *self)
{
  g_return_val_if_fail (UP_IS_EXPORT_OPTIONS (self), 0);

  return self->chart_row != NULL ? adw_combo_row_get_selected (self->chart_row) : 0;
}

UpExportFormat
up_export_options_get_format (UpExportOptions *self)
{
  g_return_val_if_fail (UP_IS_EXPORT_OPTIONS (self), UP_EXPORT_PNG);

  return formats[MIN (adw_combo_row_get_selected (self->format_row), G_N_ELEMENTS (formats) - 1)];
}

UpLang
up_export_options_get_lang (UpExportOptions *self)
{
  g_return_val_if_fail (UP_IS_EXPORT_OPTIONS (self), UP_LANG_EN);

  return langs[MIN (adw_combo_row_get_selected (self->lang_row), G_N_ELEMENTS (langs) - 1)];
}

UpPngSize
up_export_options_get_png_size (UpExportOptions *self)
{
  g_return_val_if_fail (UP_IS_EXPORT_OPTIONS (self), UP_PNG_SIZE_SCREEN);

  if (up_export_options_get_format (self) != UP_EXPORT_PNG)
    return UP_PNG_SIZE_SCREEN;
  return (UpPngSize) MIN (adw_combo_row_get_selected (self->size_row), G_N_ELEMENTS (png_sizes) - 1);
}

UpPdfLayout
up_export_options_get_pdf_layout (UpExportOptions *self)
{
  g_return_val_if_fail (UP_IS_EXPORT_OPTIONS (self), UP_PDF_LAYOUT_PAGES);

  if (up_export_options_get_format (self) != UP_EXPORT_PDF)
    return UP_PDF_LAYOUT_PAGES;
  return (UpPdfLayout) MIN (adw_combo_row_get_selected (self->layout_row), G_N_ELEMENTS (pdf_layouts) - 1);
}

void
up_export_options_lay_out_pdf (UpPdfLayout     layout,
                               UpProject      *project,
                               UpChartKind     kind,
                               UpChartOptions *options)
{
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (options != NULL);

  options->slide_pages = layout == UP_PDF_LAYOUT_SLIDES;
  /* The report is pages of text whatever it is shown on (on slides, each
   * in the middle of one); the matrix of a plan of the usual length shows
   * its titles larger laid out as a page. The shape of the slide is what
   * counts, not its size, as for the command line's --slide. */
  options->slide = options->slide_pages && kind != UP_CHART_REPORT &&
                   up_export_slide_is_larger (project, kind, options, 1920, 1080);
}

void
up_export_options_lay_out (UpPngSize       size,
                           UpProject      *project,
                           UpChartKind     kind,
                           UpChartOptions *options)
{
  g_return_if_fail (UP_IS_PROJECT (project));
  g_return_if_fail (size < G_N_ELEMENTS (png_sizes));
  g_return_if_fail (options != NULL);

  /* A slide is wide: a chart laid out as a page, its key under it (the
   * wheel is taller than wide), came down to its text some 10 pixels high
   * on a Full HD slide. */
  options->slide = (size == UP_PNG_SIZE_SLIDE || size == UP_PNG_SIZE_SLIDE_4K) &&
                   up_export_slide_is_larger (project, kind, options, png_sizes[size].width,
                                              png_sizes[size].height);
}

int
up_export_options_get_png_width (UpPngSize             size,
                                 UpProject            *project,
                                 UpChartKind           kind,
                                 const UpChartOptions *options)
{
  UpChartOptions file_options;
  double width = 0, height = 0;
  int box_width, box_height, png_width, max_width;

  g_return_val_if_fail (UP_IS_PROJECT (project), 0);
  g_return_val_if_fail (size < G_N_ELEMENTS (png_sizes), 0);

  if (size == UP_PNG_SIZE_SCREEN)
    return 0;

  /* laid out as up_export_chart() lays a file out */
  if (options != NULL)
    file_options = *options;
  else
    up_chart_options_init (&file_options);
  file_options.decorations = TRUE;
  file_options.key = TRUE;
  file_options.dark = FALSE;
  file_options.preview_stakeholder = 0;
  up_chart_get_size (kind, project, &file_options, &width, &height);
  if (!isfinite (width) || !isfinite (height) || width < 1 || height < 1)
    return 0;

  /* an A4 page either way round, as the chart is */
  box_width = png_sizes[size].width;
  box_height = png_sizes[size].height;
  if (size == UP_PNG_SIZE_PRINT && height > width)
    {
      box_width = png_sizes[size].height;
      box_height = png_sizes[size].width;
    }

  /* the export's height is round (height × png_width / width) */
  png_width = MIN (box_width, (int) floor (box_height * width / height));
  while (png_width > 1 && round (height * png_width / width) > box_height)
    png_width--;

  png_width = MAX (png_width, (int) ceil (width));
  png_width = MAX (png_width, UP_EXPORT_PNG_WIDTH_MIN);
  max_width = up_export_get_png_width_max (project, kind, &file_options);
  /* Too tall for an image at its own size (a plan of some 1,500 stages):
   * the export's own choice, which asks for a PDF, not a PNG of text too
   * small to read. */
  if (png_width > max_width)
    png_width = (int) ceil (width) <= max_width ? max_width : 0;
  return png_width;
}

void
up_export_options_remember (UpExportOptions *self)
{
  g_return_if_fail (UP_IS_EXPORT_OPTIONS (self));

  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "last-export-format",
                         up_export_format_get_name (up_export_options_get_format (self)));
  /* an SVG's export keeps the size last chosen for a PNG */
  if (up_export_options_get_format (self) == UP_EXPORT_PNG)
    g_settings_set_string (self->settings, "last-export-png-size",
                           png_sizes[up_export_options_get_png_size (self)].name);
  /* and the layout last chosen for a PDF */
  if (up_export_options_get_format (self) == UP_EXPORT_PDF)
    g_settings_set_string (self->settings, "last-export-pdf-layout",
                           pdf_layouts[up_export_options_get_pdf_layout (self)].name);
  g_settings_set_string (self->settings, "last-export-language",
                         up_lang_get_code (up_export_options_get_lang (self)));
}

/* Closing the dialog after a button answers once more, with the close
 * response: only the first answer counts. */
static void
on_response (AdwMessageDialog *dialog,
             const char       *response)
{
  if (g_object_get_data (G_OBJECT (dialog), "up-answered") != NULL)
    /* emitted with the response as its detail */
    g_signal_stop_emission (dialog, g_signal_lookup ("response", ADW_TYPE_MESSAGE_DIALOG),
                            g_quark_from_string (response));
  else
    g_object_set_data (G_OBJECT (dialog), "up-answered", GINT_TO_POINTER (TRUE));
}

AdwMessageDialog *
up_export_options_dialog_new (GtkWidget       *widget,
                              const char      *heading,
                              UpExportOptions *options)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);
  g_return_val_if_fail (UP_IS_EXPORT_OPTIONS (options), NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                   _("The chart is written with its title, the project, the date and a legend, in the language chosen here."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (options));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "export", _("_Export…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "export",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "export");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  /* before any handler of the caller's */
  g_signal_connect (dialog, "response", G_CALLBACK (on_response), NULL);
  up_a11y_util_name_controls (dialog);

  return ADW_MESSAGE_DIALOG (dialog);
}
