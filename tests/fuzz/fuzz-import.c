/* SPDX-License-Identifier: GPL-3.0-or-later */

/* libFuzzer target: Import Stakeholders.
 *
 * The bytes of one input are a table as it arrives from a spreadsheet, a
 * registration form or a colleague: any encoding, any separator, any
 * heading. They are imported into a project whose register has one person
 * already, the way the window imports a file, and what the import says
 * must be what it did:
 *
 *  - refused: an error with a message, and nothing changed;
 *  - taken: the register grew by the people it says it added, in one undo
 *    step that takes them all away and a redo that brings them back;
 *  - the register then written as a table (Export Stakeholders) and read
 *    again adds nobody: every person is "already in the register".
 *
 * A crash, a sanitizer report, a leak, a GLib critical or a broken promise
 * above (an abort) is a finding. Build and run it with
 * tests/fuzz/build-and-run.sh. */

#include <stdint.h>
#include <stdlib.h>

#include "fuzz-common.h"
#include "upphandla.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* g_assert() is compiled out where G_DISABLE_ASSERT is: these checks are
 * the target's point, so they abort themselves. */
#define CHECK(condition) \
  G_STMT_START { \
    if (!(condition)) \
      { \
        g_printerr ("fuzz-import: %s:%d: %s\n", __FILE__, __LINE__, #condition); \
        abort (); \
      } \
  } G_STMT_END

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_common_init ();
  return 0;
}

static guint
n_people (UpProject *project)
{
  return g_list_model_get_n_items (up_project_get_stakeholders (project));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GBytes) table = NULL;
  UpHistory *history;
  UpImportSummary summary = { 0 };
  guint before, after, steps;

  project = up_project_new ("Fuzz", &error);
  CHECK (project != NULL);
  CHECK (up_project_add_stakeholder (project, "Anna Berg", "Region Norr", "politician", &error) != NULL);
  history = up_project_get_history (project);
  before = n_people (project);
  steps = up_history_get_n_undo (history);

  if (!up_import_stakeholders_csv (project, bytes, &summary, &error))
    {
      /* the import's own refusals, or the project's of a person (a name
       * longer than a field holds): said in words either way */
      CHECK (error != NULL && error->message != NULL && error->message[0] != '\0');
      CHECK (n_people (project) == before);
      CHECK (up_history_get_n_undo (history) == steps);
      return 0;
    }
  CHECK (error == NULL);
  after = n_people (project);
  CHECK (after == before + summary.added);

  if (summary.added > 0)
    {
      CHECK (up_history_get_n_undo (history) == steps + 1);
      CHECK (up_project_undo (project, &error));
      CHECK (n_people (project) == before);
      CHECK (up_project_redo (project, &error));
      CHECK (n_people (project) == after);
    }

  /* what the register holds now, written and read back: nobody new */
  for (guint i = 0; i < 2; i++)
    {
      UpImportSummary again = { 0 };

      table = up_export_stakeholders_csv (project, NULL, i == 0 ? UP_LANG_EN : UP_LANG_SV, i == 0 ? ',' : ';');
      CHECK (table != NULL);
      CHECK (up_import_stakeholders_csv (project, table, &again, &error));
      CHECK (again.added == 0);
      CHECK (again.already_there == after);
      CHECK (again.without_name == 0);
      CHECK (n_people (project) == after);
      g_clear_pointer (&table, g_bytes_unref);
    }

  return 0;
}
