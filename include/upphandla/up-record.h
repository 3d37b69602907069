/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "up-types.h"

G_BEGIN_DECLS

#define UP_TYPE_RECORD (up_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (UpRecord, up_record, UP, RECORD, GObject)

/* A row of the project file. Its read-only properties mirror the row's
 * columns (column "start_date" is property "start-date"); they change only
 * through the edit API of UpProject, which keeps them in step with the file. */
struct _UpRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  guint table;
  gpointer padding[4];
};

gint64       up_record_get_id         (UpRecord   *self);
const char  *up_record_get_table      (UpRecord   *self);
const char  *up_record_get_string     (UpRecord   *self,
                                       const char *column);
gint64       up_record_get_int        (UpRecord   *self,
                                       const char *column);

G_END_DECLS
