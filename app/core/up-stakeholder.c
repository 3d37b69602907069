/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "up-stakeholder.h"
#include "up-record-private.h"

struct _UpStakeholder
{
  UpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (UpStakeholder, up_stakeholder, UP_TYPE_RECORD)

static void
up_stakeholder_class_init (UpStakeholderClass *klass)
{
  _up_record_class_install_columns (UP_RECORD_CLASS (klass), UP_TABLE_STAKEHOLDER);
}

static void
up_stakeholder_init (UpStakeholder *self)
{
}

const char *
up_stakeholder_get_name (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAKEHOLDER_NAME);
}

const char *
up_stakeholder_get_organisation (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAKEHOLDER_ORGANISATION);
}

const char *
up_stakeholder_get_category (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAKEHOLDER_CATEGORY);
}

int
up_stakeholder_get_influence (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), 0);

  return (int) _up_record_get_int_at (UP_RECORD (self), UP_STAKEHOLDER_INFLUENCE);
}

int
up_stakeholder_get_interest (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), 0);

  return (int) _up_record_get_int_at (UP_RECORD (self), UP_STAKEHOLDER_INTEREST);
}

const char *
up_stakeholder_get_stance (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAKEHOLDER_STANCE);
}

const char *
up_stakeholder_get_contact (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAKEHOLDER_CONTACT);
}

const char *
up_stakeholder_get_updated (UpStakeholder *self)
{
  g_return_val_if_fail (UP_IS_STAKEHOLDER (self), NULL);

  return _up_record_get_string_at (UP_RECORD (self), UP_STAKEHOLDER_UPDATED);
}
