/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The language of a text the app writes for someone else: an exported chart
 * or report is in the language chosen at export, whatever the UI is in.
 * UP_LANG_UI follows the process's gettext (the desktop's language). */
typedef enum
{
  UP_LANG_UI,
  UP_LANG_EN,
  UP_LANG_SV,
} UpLang;

gboolean    up_lang_parse          (const char *name,
                                    UpLang     *lang);
const char *up_lang_get_code       (UpLang      lang);
/* Whether the texts of @lang can be had: English always, Swedish when its
 * catalogue is installed (an uninstalled build finds it through
 * UPPHANDLA_LOCALEDIR). */
gboolean    up_lang_is_available   (UpLang      lang);
/* The language the UI is shown in, as an export language: UP_LANG_SV or
 * UP_LANG_EN (English for any language the app has no catalogue for). */
UpLang      up_lang_get_ui_language (void);

/* Translations of the gettext domain in @lang, read from the compiled
 * catalogue of that language (LOCALEDIR/<lang>/LC_MESSAGES/upphandla.mo),
 * thread-safe, without touching the process's locale. English returns the
 * source string. */
const char *up_lang_gettext        (UpLang      lang,
                                    const char *msgid) G_GNUC_FORMAT (2);
const char *up_lang_pgettext       (UpLang      lang,
                                    const char *context,
                                    const char *msgid) G_GNUC_FORMAT (3);
const char *up_lang_ngettext       (UpLang      lang,
                                    const char *msgid,
                                    const char *msgid_plural,
                                    gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* Dates as people write them in @lang: UP_DATE_STYLE_SHORT is ISO 8601
 * ("2026-11-27") in both languages; UP_DATE_STYLE_LONG is "27 nov. 2026" in
 * Swedish and "27 Nov 2026" in English. */
typedef enum
{
  UP_DATE_STYLE_SHORT,
  UP_DATE_STYLE_LONG,
} UpDateStyle;

char       *up_lang_format_date    (UpLang       lang,
                                    const char  *iso_date,
                                    UpDateStyle  style);
/* The abbreviation of @month (1..12) in @lang, as long dates write it
 * ("Nov", "nov."). */
const char *up_lang_month_abbreviation (UpLang lang,
                                        guint  month);
/* @month (1..12) in @lang as a time axis names it ("Jan", "jan"): the
 * timeline on screen, the exported timeline and the report's. */
const char *up_lang_axis_month         (UpLang lang,
                                        guint  month);

G_END_DECLS
