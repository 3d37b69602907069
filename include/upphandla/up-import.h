/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "up-project.h"

G_BEGIN_DECLS

#define UP_IMPORT_ERROR (up_import_error_quark ())

typedef enum
{
  UP_IMPORT_ERROR_READ,      /* the file could not be read */
  UP_IMPORT_ERROR_NOT_TEXT,  /* not a table of text (a picture, a workbook) */
  UP_IMPORT_ERROR_NO_NAMES,  /* its first line names no column of names */
  UP_IMPORT_ERROR_EMPTY,     /* no line with a name under its first */
} UpImportError;

GQuark    up_import_error_quark (void);

/* What an import did: people added, lines left out because the register
 * has them already (the same name and organisation, case and spacing
 * aside) or because they have no name, and values that were not read
 * (a category, stance, influence or interest the app does not know),
 * left at the new stakeholder's default. */
typedef struct
{
  guint added;
  guint already_there;
  guint without_name;
  guint values_not_read;
} UpImportSummary;

/* Adds the people of a table (CSV as a spreadsheet saves it: its fields
 * apart by commas, semicolons or tabs, whichever its first line has the
 * most of; UTF-8, UTF-16 with its byte order mark, or Windows-1252 as an
 * older Excel writes it) to the stakeholder register, as one undo step.
 * The first line names the columns, in Swedish or English: Name (Namn;
 * or First name and Last name, Förnamn and Efternamn, as a form has
 * them), Organisation (Organization, Företag, Förvaltning), Category
 * (Kategori), Influence
 * (Inflytande), Interest (Intresse), Stance (Hållning), Contact (Kontakt,
 * Kontaktuppgifter, E-post, E-postadress, Email, Telefon, Phone, Mobil); only the names are needed, and a column
 * of another name is left out. A category or stance is read by its name
 * in either language; influence and interest are 1 to 5; the quote an
 * export puts before a field a spreadsheet would take for a formula
 * ("'+46 …") is taken off. On an error nothing is added. */
gboolean  up_import_stakeholders_csv (UpProject        *project,
                                      GBytes           *csv,
                                      UpImportSummary  *summary,
                                      GError          **error);
/* The same, of the file @input (at most 16 MiB). */
gboolean  up_import_stakeholders     (UpProject        *project,
                                      GFile            *input,
                                      UpImportSummary  *summary,
                                      GError          **error);

G_END_DECLS
