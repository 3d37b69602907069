/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-i18n"

#include "config.h"

#include <glib/gi18n.h>
#include <libintl.h>
#include <string.h>

#include "up-i18n.h"
#include "up-i18n-private.h"
#include "up-types.h"

/* An export is written in the language chosen for it, whatever the UI is
 * in. gettext can only switch languages through the process's locale and
 * LANGUAGE, which other threads read at the same time, so the catalogue of
 * the export's language is read here directly: the GNU .mo format is a
 * small header and two tables of (length, offset) pairs. */

#define MO_MAGIC         0x950412de
#define MO_MAGIC_SWAPPED 0xde120495
#define MO_HEADER_SIZE   28

typedef struct
{
  const char *str;
  guint32     len;    /* without the final NUL; plural forms are NUL-separated within */
} MoString;

typedef struct
{
  GMappedFile *file;
  GHashTable  *messages;  /* original (context\004msgid) → MoString* */
} Catalogue;

static GMutex catalogue_lock;
static gboolean catalogue_loaded[UP_LANG_SV + 1];
static Catalogue *catalogues[UP_LANG_SV + 1];

static guint32
read_u32 (const guint8 *p,
          gboolean      swap)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return swap ? GUINT32_SWAP_LE_BE (v) : v;
}

/* The string at table entry @index of a (length, offset) table, checked to
 * lie inside the file and to end with the NUL the format promises. */
static gboolean
read_entry (const guint8 *data,
            gsize         size,
            guint32       table,
            guint32       index,
            gboolean      swap,
            MoString     *out)
{
  guint64 at = (guint64) table + (guint64) index * 8;
  guint32 len, offset;

  if (at + 8 > size)
    return FALSE;
  len = read_u32 (data + at, swap);
  offset = read_u32 (data + at + 4, swap);
  if ((guint64) offset + len >= size || data[offset + len] != '\0')
    return FALSE;

  out->str = (const char *) data + offset;
  out->len = len;
  return TRUE;
}

/* Each NUL-separated form of a translation is UTF-8 (g_utf8_validate()
 * stops at the first NUL when given a length). */
static gboolean
valid_forms (const MoString *translation)
{
  const char *s = translation->str;
  const char *end = translation->str + translation->len;

  while (s <= end)
    {
      gsize len = strlen (s);

      if (!g_utf8_validate (s, len, NULL))
        return FALSE;
      s += len + 1;
    }
  return TRUE;
}

static void
catalogue_free (Catalogue *cat)
{
  g_hash_table_unref (cat->messages);
  g_mapped_file_unref (cat->file);
  g_free (cat);
}

/* NULL when the file is missing or damaged in any way: the caller then
 * writes English, which is better than half a translation or a crash. */
static Catalogue *
catalogue_load (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GHashTable) messages = NULL;
  const guint8 *data;
  gsize size;
  guint32 magic, n, originals, translations;
  gboolean swap;
  Catalogue *cat;

  file = g_mapped_file_new (path, FALSE, &error);
  if (file == NULL)
    {
      g_debug ("No catalogue %s: %s", path, error->message);
      return NULL;
    }

  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (data == NULL || size < MO_HEADER_SIZE)
    goto damaged;

  memcpy (&magic, data, sizeof magic);
  if (magic == MO_MAGIC)
    swap = FALSE;
  else if (magic == MO_MAGIC_SWAPPED)
    swap = TRUE;
  else
    goto damaged;

  /* Only the major revision 0 has the layout read here. */
  if ((read_u32 (data + 4, swap) >> 16) != 0)
    goto damaged;

  n = read_u32 (data + 8, swap);
  originals = read_u32 (data + 12, swap);
  translations = read_u32 (data + 16, swap);
  if ((guint64) originals + (guint64) n * 8 > size ||
      (guint64) translations + (guint64) n * 8 > size)
    goto damaged;

  messages = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  for (guint32 i = 0; i < n; i++)
    {
      MoString original, translation;

      if (!read_entry (data, size, originals, i, swap, &original) ||
          !read_entry (data, size, translations, i, swap, &translation))
        goto damaged;

      /* A text that is not UTF-8 would break the SVG and PDF it goes
       * into; such a message stays English. The header (empty msgid) is
       * no message. */
      if (original.len == 0 || !valid_forms (&translation))
        continue;

      /* The key is the first string of the original: "context\004msgid"
       * or, for plurals, the singular msgid before its NUL. */
      g_hash_table_insert (messages, (gpointer) original.str,
                           g_memdup2 (&translation, sizeof translation));
    }

  cat = g_new0 (Catalogue, 1);
  cat->file = g_steal_pointer (&file);
  cat->messages = g_steal_pointer (&messages);
  return cat;

damaged:
  g_debug ("The catalogue %s is damaged; using English", path);
  return NULL;
}

static const char *
localedir (void)
{
  const char *dir = g_getenv ("UPPHANDLA_LOCALEDIR");

  return dir != NULL && dir[0] != '\0' ? dir : LOCALEDIR;
}

/* Loaded on first use and kept for the life of the process, so the
 * strings handed out stay valid without a reference. */
static Catalogue *
get_catalogue (UpLang lang)
{
  Catalogue *cat;

  if (lang != UP_LANG_SV)
    return NULL;

  g_mutex_lock (&catalogue_lock);
  if (!catalogue_loaded[lang])
    {
      g_autofree char *path = g_build_filename (localedir (), up_lang_get_code (lang),
                                                "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);

      catalogues[lang] = catalogue_load (path);
      catalogue_loaded[lang] = TRUE;
    }
  cat = catalogues[lang];
  g_mutex_unlock (&catalogue_lock);

  return cat;
}

void
_up_lang_reload (void)
{
  g_mutex_lock (&catalogue_lock);
  for (guint i = 0; i < G_N_ELEMENTS (catalogues); i++)
    {
      g_clear_pointer (&catalogues[i], catalogue_free);
      catalogue_loaded[i] = FALSE;
    }
  g_mutex_unlock (&catalogue_lock);
}

static const MoString *
lookup (UpLang      lang,
        const char *key)
{
  Catalogue *cat = get_catalogue (lang);

  return cat != NULL ? g_hash_table_lookup (cat->messages, key) : NULL;
}

/* The plural rule of both languages the app speaks. */
static guint
plural_form (gulong n)
{
  return n != 1 ? 1 : 0;
}

gboolean
up_lang_is_available (UpLang lang)
{
  return lang == UP_LANG_EN || get_catalogue (lang) != NULL;
}

gboolean
up_lang_parse (const char *name,
               UpLang     *lang)
{
  g_return_val_if_fail (lang != NULL, FALSE);

  if (g_strcmp0 (name, "en") == 0)
    *lang = UP_LANG_EN;
  else if (g_strcmp0 (name, "sv") == 0)
    *lang = UP_LANG_SV;
  else
    return FALSE;
  return TRUE;
}

const char *
up_lang_get_code (UpLang lang)
{
  return lang == UP_LANG_SV ? "sv" : lang == UP_LANG_EN ? "en" : NULL;
}

UpLang
up_lang_get_ui_language (void)
{
  /* The header of the catalogue gettext uses for the UI names its
   * language. That is the language the user sees, which the environment
   * variables only hint at (LANGUAGE is ignored under the C locale, a
   * language without a catalogue shows English). */
  static const char header_msgid[] = "";
  const char *header = dgettext (GETTEXT_PACKAGE, header_msgid);
  const char *language;

  if (header == NULL || header[0] == '\0')
    return UP_LANG_EN;
  language = strstr (header, "\nLanguage: ");
  if (language != NULL && g_str_has_prefix (language + strlen ("\nLanguage: "), "sv"))
    return UP_LANG_SV;
  return UP_LANG_EN;
}

const char *
up_lang_gettext (UpLang      lang,
                 const char *msgid)
{
  const MoString *found;

  g_return_val_if_fail (msgid != NULL, NULL);

  /* The UI's language is the process's gettext, as _() reads it. Not
   * g_dgettext(): that one decides once per process, from the locale of
   * its first call, whether to translate at all. */
  if (lang == UP_LANG_UI)
    return dgettext (GETTEXT_PACKAGE, msgid);

  found = lookup (lang, msgid);
  /* An empty translation means "not translated" in a .mo. */
  return found != NULL && found->len > 0 ? found->str : msgid;
}

const char *
up_lang_pgettext (UpLang      lang,
                  const char *context,
                  const char *msgid)
{
  g_autofree char *key = NULL;
  const MoString *found;

  g_return_val_if_fail (msgid != NULL, NULL);

  if (context == NULL)
    return up_lang_gettext (lang, msgid);

  key = g_strconcat (context, "\004", msgid, NULL);
  if (lang == UP_LANG_UI)
    {
      const char *translated = dgettext (GETTEXT_PACKAGE, key);

      /* gettext hands back its argument, our temporary key, when the
       * catalogue has no entry */
      return translated != key ? translated : msgid;
    }

  found = lookup (lang, key);
  return found != NULL && found->len > 0 ? found->str : msgid;
}

const char *
up_lang_ngettext (UpLang      lang,
                  const char *msgid,
                  const char *msgid_plural,
                  gulong      n)
{
  const MoString *found;
  guint form = plural_form (n);

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (lang == UP_LANG_UI)
    return dngettext (GETTEXT_PACKAGE, msgid, msgid_plural, n);

  found = lookup (lang, msgid);
  if (found != NULL && found->len > 0)
    {
      const char *s = found->str;
      const char *end = found->str + found->len;

      /* Step over @form NUL-separated forms; a catalogue with fewer forms
       * than the rule asks for falls back to the source. */
      for (guint i = 0; i < form && s < end; i++)
        s += strlen (s) + 1;
      if (s < end && s[0] != '\0')
        return s;
    }

  return form == 0 ? msgid : msgid_plural;
}

/* The months as charts and reports abbreviate them. */
static const char * const month_abbreviations[] = {
  /* Translators: the months as dates on exported charts and reports
   * abbreviate them ("27 Nov 2026"). Swedish practice: jan., feb., mars,
   * apr., maj, juni, juli, aug., sep., okt., nov., dec. */
  NC_("month abbreviation", "Jan"), NC_("month abbreviation", "Feb"),
  NC_("month abbreviation", "Mar"), NC_("month abbreviation", "Apr"),
  NC_("month abbreviation", "May"), NC_("month abbreviation", "Jun"),
  NC_("month abbreviation", "Jul"), NC_("month abbreviation", "Aug"),
  NC_("month abbreviation", "Sep"), NC_("month abbreviation", "Oct"),
  NC_("month abbreviation", "Nov"), NC_("month abbreviation", "Dec"),
};

/* Fills in the positional directives of a date format by hand: the format
 * comes from a catalogue file, and a damaged one must not reach printf. */
static char *
expand_date (const char *format,
             guint       day,
             const char *month,
             guint       year)
{
  GString *out = g_string_new (NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (p[0] != '%')
        g_string_append_c (out, p[0]);
      else if (p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else if (g_str_has_prefix (p, "%1$d"))
        {
          g_string_append_printf (out, "%u", day);
          p += 3;
        }
      else if (g_str_has_prefix (p, "%2$s"))
        {
          g_string_append (out, month);
          p += 3;
        }
      else if (g_str_has_prefix (p, "%3$d"))
        {
          g_string_append_printf (out, "%u", year);
          p += 3;
        }
      else
        g_string_append_c (out, p[0]);
    }

  return g_string_free (out, FALSE);
}

const char *
up_lang_month_abbreviation (UpLang lang,
                            guint  month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return up_lang_pgettext (lang, "month abbreviation", month_abbreviations[month - 1]);
}

/* The months on a time axis: the timeline on screen, the exported
 * timeline and the report's timeline, which read alike. */
static const char * const axis_months[] = {
  /* Translators: the months under a time axis (the timeline, on screen
   * and exported, and the report's), where room is short: no full stops
   * ("jan", "feb", "mars", "juni", "juli", "aug"). Dates in text use the
   * "month abbreviation" messages. */
  NC_("month", "Jan"), NC_("month", "Feb"), NC_("month", "Mar"), NC_("month", "Apr"),
  NC_("month", "May"), NC_("month", "Jun"), NC_("month", "Jul"), NC_("month", "Aug"),
  NC_("month", "Sep"), NC_("month", "Oct"), NC_("month", "Nov"), NC_("month", "Dec"),
};

const char *
up_lang_axis_month (UpLang lang,
                    guint  month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, "");
  return up_lang_pgettext (lang, "month", axis_months[month - 1]);
}

char *
up_lang_format_date (UpLang       lang,
                     const char  *iso_date,
                     UpDateStyle  style)
{
  g_autoptr(GDateTime) now = NULL;
  const char *format;
  const char *month;
  GDate date;

  if (iso_date == NULL)
    {
      now = g_date_time_new_now_local ();
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, g_date_time_get_day_of_month (now),
                      g_date_time_get_month (now), g_date_time_get_year (now));
    }
  else if (!up_date_parse (iso_date, &date))
    /* Not a date we can read: shown as it is rather than hidden. */
    return g_strdup (iso_date);

  if (style == UP_DATE_STYLE_SHORT)
    return up_date_format (&date);

  month = up_lang_month_abbreviation (lang, g_date_get_month (&date));
  format = up_lang_pgettext (lang, "long date",
                            /* Translators: a date on exported charts and reports: %1$d is
                             * the day of the month, %2$s the month's abbreviation (the
                             * messages with the context "month abbreviation"), %3$d the
                             * year: "27 Nov 2026". Swedish practice is "27 nov. 2026". */
                            NC_("long date", "%1$d %2$s %3$d"));

  return expand_date (format, g_date_get_day (&date), month, g_date_get_year (&date));
}
