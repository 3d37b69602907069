/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "up-record.h"
#include "up-schema.h"

G_BEGIN_DECLS

/* Creates the record of the right type for @table from a row read with the
 * table's select_sql (id first, then the columns in schema order). */
UpRecord       *_up_record_new_from_row         (UpTableId      table,
                                                 sqlite3_stmt  *stmt);
/* Reads the row into @self and notifies each property whose value changed;
 * returns whether any did. */
gboolean        _up_record_load_row             (UpRecord      *self,
                                                 sqlite3_stmt  *stmt);
UpTableId       _up_record_get_table_id         (UpRecord      *self);
const char     *_up_record_get_string_at        (UpRecord      *self,
                                                 guint          column);
gint64          _up_record_get_int_at           (UpRecord      *self,
                                                 guint          column);
void            _up_record_class_install_columns (UpRecordClass *klass,
                                                  UpTableId      table);

G_END_DECLS
