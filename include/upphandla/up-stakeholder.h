/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-record.h"

G_BEGIN_DECLS

#define UP_TYPE_STAKEHOLDER (up_stakeholder_get_type ())

G_DECLARE_FINAL_TYPE (UpStakeholder, up_stakeholder, UP, STAKEHOLDER, UpRecord)

const char * up_stakeholder_get_name (UpStakeholder *self);
const char * up_stakeholder_get_organisation (UpStakeholder *self);
const char * up_stakeholder_get_category (UpStakeholder *self);
int          up_stakeholder_get_influence (UpStakeholder *self);
int          up_stakeholder_get_interest (UpStakeholder *self);
const char * up_stakeholder_get_stance (UpStakeholder *self);
const char * up_stakeholder_get_contact (UpStakeholder *self);
/* When the person's row was last written (ISO 8601 UTC), or "" for a
 * person of a file from before schema version 2 not changed since. */
const char * up_stakeholder_get_updated (UpStakeholder *self);

G_END_DECLS
