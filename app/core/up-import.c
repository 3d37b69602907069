/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-export-private.h"
#include "up-i18n.h"
#include "up-import.h"
#include "up-import-private.h"
#include "up-stakeholder.h"
#include "up-types.h"

/* People for the stakeholder register from a table a spreadsheet saved:
 * the list of a workshop's participants, a registration form's answers,
 * a colleague's register. Read as RFC 4180 reads CSV, whatever the
 * separator and the line ends, in the encodings Excel and LibreOffice
 * write. */

G_DEFINE_QUARK (up-import-error-quark, up_import_error)

/* A larger file is no list of people. */
#define MAX_FILE_SIZE (16 * 1024 * 1024)

typedef enum
{
  COLUMN_NAME,
  COLUMN_ORGANISATION,
  COLUMN_CATEGORY,
  COLUMN_INFLUENCE,
  COLUMN_INTEREST,
  COLUMN_STANCE,
  COLUMN_CONTACT,
  /* a form's answers often have the name in two columns */
  COLUMN_FIRST_NAME,
  COLUMN_LAST_NAME,
  N_COLUMNS
} Column;

/* The headings each column is known by, folded (see fold()): the app's
 * own words in English and Swedish and the usual others. */
static const struct
{
  Column      column;
  const char *heading;
} headings[] = {
  { COLUMN_NAME, "name" },
  { COLUMN_NAME, "namn" },
  { COLUMN_NAME, "full name" },
  { COLUMN_NAME, "fullständigt namn" },
  { COLUMN_FIRST_NAME, "förnamn" },
  { COLUMN_FIRST_NAME, "first name" },
  { COLUMN_FIRST_NAME, "given name" },
  { COLUMN_LAST_NAME, "efternamn" },
  { COLUMN_LAST_NAME, "last name" },
  { COLUMN_LAST_NAME, "surname" },
  { COLUMN_LAST_NAME, "family name" },
  { COLUMN_ORGANISATION, "organisation" },
  { COLUMN_ORGANISATION, "organization" },
  { COLUMN_ORGANISATION, "företag" },
  { COLUMN_ORGANISATION, "company" },
  { COLUMN_ORGANISATION, "myndighet" },
  { COLUMN_ORGANISATION, "förvaltning" },
  { COLUMN_ORGANISATION, "arbetsgivare" },
  { COLUMN_ORGANISATION, "employer" },
  { COLUMN_CATEGORY, "category" },
  { COLUMN_CATEGORY, "kategori" },
  { COLUMN_INFLUENCE, "influence" },
  { COLUMN_INFLUENCE, "inflytande" },
  { COLUMN_INTEREST, "interest" },
  { COLUMN_INTEREST, "intresse" },
  { COLUMN_STANCE, "stance" },
  { COLUMN_STANCE, "hållning" },
  { COLUMN_CONTACT, "contact" },
  { COLUMN_CONTACT, "contact details" },
  { COLUMN_CONTACT, "kontakt" },
  { COLUMN_CONTACT, "kontaktuppgifter" },
  { COLUMN_CONTACT, "e-post" },
  { COLUMN_CONTACT, "epost" },
  { COLUMN_CONTACT, "email" },
  { COLUMN_CONTACT, "e-mail" },
  { COLUMN_CONTACT, "e-postadress" },
  { COLUMN_CONTACT, "email address" },
  { COLUMN_CONTACT, "e-mail address" },
  { COLUMN_CONTACT, "telefonnummer" },
  { COLUMN_CONTACT, "phone number" },
  { COLUMN_CONTACT, "mobil" },
  { COLUMN_CONTACT, "mobile" },
  { COLUMN_CONTACT, "telefon" },
  { COLUMN_CONTACT, "phone" },
};

/* @text case folded, its spaces, tabs and line breaks as one space
 * between words and none around them, for comparing headings, values and
 * names. */
static char *
fold (const char *text)
{
  g_autofree char *normalized = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autoptr(GString) words = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = normalized != NULL ? normalized : text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = words->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (words, ' ');
      space = FALSE;
      g_string_append_unichar (words, c);
    }
  return g_utf8_casefold (words->str, -1);
}

/* The table's text as UTF-8: without a byte order mark, from UTF-16 where
 * one says so, from Windows-1252 where it is not UTF-8 (Excel's "CSV"
 * before 2016 on a Swedish Windows). NULL where it is no text. */
static char *
to_utf8 (GBytes  *bytes,
         GError **error)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  g_autofree char *text = NULL;

  if (size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)))
    text = g_convert ((const char *) data + 2, size - 2, "UTF-8", data[0] == 0xff ? "UTF-16LE" : "UTF-16BE",
                      NULL, NULL, NULL);
  else
    {
      if (size >= 3 && data[0] == 0xef && data[1] == 0xbb && data[2] == 0xbf)
        {
          data += 3;
          size -= 3;
        }
      if (size == 0)
        text = g_strdup ("");
      else if (memchr (data, '\0', size) == NULL)
        {
          if (g_utf8_validate ((const char *) data, size, NULL))
            text = g_strndup ((const char *) data, size);
          else
            text = g_convert ((const char *) data, size, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
        }
    }

  /* a picture, a workbook (.xlsx is a zip file), a PDF */
  if (text == NULL || strchr (text, '\x01') != NULL)
    {
      g_set_error_literal (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_NOT_TEXT,
                           _("The file is not a table of text. Save it from the spreadsheet as CSV, "
                             "with the names of the columns on its first line."));
      return NULL;
    }
  return g_steal_pointer (&text);
}

/* The separator of the fields: of a comma, a semicolon and a tab, the one
 * the first line has the most of outside quotes (a comma where it has
 * none: a table of one column). */
static char
find_separator (const char *text)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (const char *p = text; *p != '\0' && (quoted || (*p != '\n' && *p != '\r')); p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (!quoted)
        {
          commas += *p == ',';
          semicolons += *p == ';';
          tabs += *p == '\t';
        }
    }
  if (tabs > commas && tabs >= semicolons)
    return '\t';
  return semicolons > commas ? ';' : ',';
}

/* The next record of the table at *@p, its fields; NULL at the end. A
 * quoted field may hold separators, line breaks and doubled quotes; a line
 * ends in CR LF, LF or CR. */
static GStrv
read_record (const char **p,
             char         separator)
{
  const char *s = *p;
  g_autoptr(GStrvBuilder) fields = NULL;

  if (*s == '\0')
    return NULL;

  fields = g_strv_builder_new ();
  for (;;)
    {
      g_autoptr(GString) field = g_string_new (NULL);

      if (*s == '"')
        {
          for (s++; *s != '\0'; s++)
            {
              if (*s == '"' && s[1] == '"')
                g_string_append_c (field, *s++);
              else if (*s == '"')
                {
                  s++;
                  break;
                }
              else
                g_string_append_c (field, *s);
            }
        }
      /* what follows a closing quote up to the separator belongs to the
       * field too, as spreadsheets read it */
      while (*s != '\0' && *s != separator && *s != '\n' && *s != '\r')
        g_string_append_c (field, *s++);
      g_strv_builder_add (fields, field->str);

      if (*s == separator)
        {
          s++;
          continue;
        }
      if (*s == '\r')
        s++;
      if (*s == '\n')
        s++;
      break;
    }
  *p = s;
  return g_strv_builder_end (fields);
}

/* Whether every field of @record is empty: a blank line of a table. */
static gboolean
is_blank (GStrv record)
{
  for (guint i = 0; record[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (record[i]));

      if (trimmed[0] != '\0')
        return FALSE;
    }
  return TRUE;
}

/* The value of @values (categories, stances) that @text names: the value
 * itself or its name in English or Swedish. */
static const char *
find_enum_value (const char * const *values,
                 const char         *text)
{
  g_autofree char *folded = fold (text);

  for (guint i = 0; values[i] != NULL; i++)
    {
      const UpLang langs[] = { UP_LANG_EN, UP_LANG_SV };

      if (g_str_equal (folded, values[i]))
        return values[i];
      for (guint k = 0; k < G_N_ELEMENTS (langs); k++)
        {
          g_autofree char *label = fold (up_enum_label_in (values, values[i], langs[k]));

          if (g_str_equal (folded, label))
            return values[i];
        }
    }
  return NULL;
}

char *
_up_import_fold (const char *text)
{
  return fold (text);
}

char *
_up_import_person_key (const char *name,
                       const char *organisation)
{
  g_autofree char *folded_name = fold (name != NULL ? name : "");
  g_autofree char *folded_organisation = fold (organisation != NULL ? organisation : "");

  return g_strconcat (folded_name, "\n", folded_organisation, NULL);
}

/* The field of @column in @record, trimmed; "" where the table has no such
 * column or the line is short. Several contact columns (e-mail, phone)
 * are put together. */
static char *
get_field (GStrv        record,
           const GArray *columns,
           Column       column)
{
  g_autoptr(GString) value = g_string_new (NULL);
  guint n = g_strv_length (record);

  for (guint i = 0; i < columns->len && i < n; i++)
    {
      g_autofree char *trimmed = NULL;

      if (g_array_index (columns, int, i) != (int) column)
        continue;
      trimmed = g_strstrip (g_strdup (record[i]));
      if (trimmed[0] == '\0')
        continue;
      if (value->len > 0)
        g_string_append (value, ", ");
      /* the quote an export puts before what a spreadsheet would take
       * for a formula ("'+46 70 …") */
      if (trimmed[0] == '\'' && _up_export_needs_quote (trimmed + 1))
        g_string_append (value, trimmed + 1);
      else
        g_string_append (value, trimmed);
    }
  return g_string_free (g_steal_pointer (&value), FALSE);
}

/* The person's name: the name column's, else the first and last names
 * put together. */
static char *
get_name (GStrv         record,
          const GArray *columns)
{
  g_autofree char *name = get_field (record, columns, COLUMN_NAME);
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  if (name[0] != '\0')
    return g_steal_pointer (&name);
  first = get_field (record, columns, COLUMN_FIRST_NAME);
  last = get_field (record, columns, COLUMN_LAST_NAME);
  if (first[0] == '\0' || last[0] == '\0')
    return g_strconcat (first, last, NULL);
  return g_strconcat (first, " ", last, NULL);
}

/* Sets @column's value of @person from @text; a value the app does not
 * know is counted in @summary and left at the default. */
static gboolean
set_value (UpProject        *project,
           UpStakeholder    *person,
           Column            column,
           const char       *text,
           UpImportSummary  *summary,
           GError          **error)
{
  const char *value;
  gint64 number;

  if (text[0] == '\0')
    return TRUE;

  switch (column)
    {
    case COLUMN_CATEGORY:
    case COLUMN_STANCE:
      value = find_enum_value (column == COLUMN_CATEGORY ? up_stakeholder_categories : up_stakeholder_stances, text);
      if (value == NULL)
        {
          summary->values_not_read++;
          return TRUE;
        }
      return up_project_set_string (project, person, column == COLUMN_CATEGORY ? "category" : "stance", value,
                                    error);

    case COLUMN_INFLUENCE:
    case COLUMN_INTEREST:
      if (!g_ascii_string_to_signed (text, 10, 1, 5, &number, NULL))
        {
          summary->values_not_read++;
          return TRUE;
        }
      return up_project_set_int (project, person, column == COLUMN_INFLUENCE ? "influence" : "interest", number,
                                 error);

    case COLUMN_CONTACT:
      return up_project_set_string (project, person, "contact", text, error);

    case COLUMN_NAME:
    case COLUMN_ORGANISATION:
    case COLUMN_FIRST_NAME:
    case COLUMN_LAST_NAME:
    case N_COLUMNS:
    default:
      return TRUE;
    }
}

static gboolean
import_records (UpProject        *project,
                const char       *text,
                UpImportSummary  *summary,
                GError          **error)
{
  const char *p = text;
  char separator;
  g_auto(GStrv) header = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *register_ = up_project_get_stakeholders (project);
  g_autoptr(GError) edit_error = NULL;
  gboolean has_names = FALSE;
  guint n_records = 0;

  /* "sep=;", Excel's own line that names the separator, before the table */
  if (g_ascii_strncasecmp (p, "sep=", 4) == 0 && p[4] != '\0' && (p[5] == '\r' || p[5] == '\n' || p[5] == '\0'))
    {
      separator = p[4];
      p += 5;
      p += *p == '\r';
      p += *p == '\n';
    }
  else
    separator = find_separator (text);

  /* the first line that is not blank names the columns */
  while ((header = read_record (&p, separator)) != NULL && is_blank (header))
    g_clear_pointer (&header, g_strfreev);
  for (guint i = 0; header != NULL && header[i] != NULL; i++)
    {
      g_autofree char *heading = fold (header[i]);
      int column = -1;

      /* "Namn:" as a form's question has it */
      if (g_str_has_suffix (heading, ":"))
        heading[strlen (heading) - 1] = '\0';
      g_strchomp (heading);
      for (guint k = 0; k < G_N_ELEMENTS (headings) && column < 0; k++)
        if (g_str_equal (heading, headings[k].heading))
          column = headings[k].column;
      has_names |= column == COLUMN_NAME || column == COLUMN_FIRST_NAME || column == COLUMN_LAST_NAME;
      g_array_append_val (columns, column);
    }
  if (!has_names)
    {
      g_set_error_literal (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_NO_NAMES,
                           /* Translators: the column names are the ones the import
                            * reads in the interface's language. */
                           _("The first line of the table names no column “Name”. It must name "
                             "the columns, for example: Name, Organisation, Category, Contact."));
      return FALSE;
    }

  for (guint i = 0, n = g_list_model_get_n_items (register_); i < n; i++)
    {
      g_autoptr(UpStakeholder) person = g_list_model_get_item (register_, i);

      g_hash_table_add (known, _up_import_person_key (up_stakeholder_get_name (person),
                                                      up_stakeholder_get_organisation (person)));
    }

  up_project_begin_group (project, _("Import Stakeholders"));
  for (;;)
    {
      g_auto(GStrv) record = read_record (&p, separator);
      g_autofree char *name = NULL;
      g_autofree char *organisation = NULL;
      g_autofree char *key = NULL;
      UpStakeholder *person;

      if (record == NULL)
        break;
      if (is_blank (record))
        continue;
      n_records++;
      name = get_name (record, columns);
      organisation = get_field (record, columns, COLUMN_ORGANISATION);
      if (name[0] == '\0')
        {
          summary->without_name++;
          continue;
        }
      key = _up_import_person_key (name, organisation);
      if (g_hash_table_contains (known, key))
        {
          summary->already_there++;
          continue;
        }

      person = up_project_add_stakeholder (project, name, organisation, "other", &edit_error);
      for (Column column = COLUMN_CATEGORY; person != NULL && column <= COLUMN_CONTACT && edit_error == NULL; column++)
        {
          g_autofree char *value = get_field (record, columns, column);

          set_value (project, person, column, value, summary, &edit_error);
        }
      if (edit_error != NULL)
        break;
      g_hash_table_add (known, g_steal_pointer (&key));
      summary->added++;
    }

  /* after an error the group ends rolled back: nothing added */
  if (!up_project_end_group (project, edit_error != NULL ? NULL : error))
    {
      if (edit_error != NULL)
        g_propagate_error (error, g_steal_pointer (&edit_error));
      return FALSE;
    }
  if (n_records == 0)
    {
      g_set_error_literal (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_EMPTY,
                           _("The table has no one in it: there is no line under its first."));
      return FALSE;
    }
  return TRUE;
}

gboolean
up_import_stakeholders_csv (UpProject        *project,
                            GBytes           *csv,
                            UpImportSummary  *summary,
                            GError          **error)
{
  UpImportSummary counted = { 0 };
  g_autofree char *text = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = to_utf8 (csv, error);
  if (text == NULL || !import_records (project, text, &counted, error))
    {
      if (summary != NULL)
        *summary = (UpImportSummary) { 0 };
      return FALSE;
    }
  if (summary != NULL)
    *summary = counted;
  return TRUE;
}

gboolean
up_import_stakeholders (UpProject        *project,
                        GFile            *input,
                        UpImportSummary  *summary,
                        GError          **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (input), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  info = g_file_query_info (input, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info != NULL && g_file_info_get_size (info) > MAX_FILE_SIZE)
    {
      g_set_error_literal (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_NOT_TEXT,
                           _("The file is too large for a list of people (more than 16 MB)."));
      return FALSE;
    }
  if (info != NULL)
    bytes = g_file_load_bytes (input, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      /* Translators: %1$s is the system's reason (no such file, no
       * permission). */
      g_set_error (error, UP_IMPORT_ERROR, UP_IMPORT_ERROR_READ, _("The file could not be read: %1$s"),
                   local_error->message);
      return FALSE;
    }
  return up_import_stakeholders_csv (project, bytes, summary, error);
}
