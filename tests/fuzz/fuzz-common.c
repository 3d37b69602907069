/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>

#include "fuzz-common.h"

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  /* Criticals and errors are bugs; debug and info messages are noise at
   * thousands of executions a second. Warnings are printed, not fatal:
   * the core warns about things outside its control (a recovery copy it
   * could not write), which no input here should cause, but a warning is
   * no memory error. */
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
      abort ();
    }
  if (log_level & G_LOG_LEVEL_WARNING)
    return g_log_writer_standard_streams (log_level, fields, n_fields, user_data);
  return G_LOG_WRITER_HANDLED;
}

void
fuzz_common_init (void)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  /* The store never writes without a file, but keep any recovery or data
   * folder the code might ask for out of the user's home. */
  g_setenv ("XDG_STATE_HOME", "/nonexistent/upphandla-fuzz", TRUE);
  g_setenv ("XDG_DATA_HOME", "/nonexistent/upphandla-fuzz", TRUE);
}
