/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-i18n.h"

G_BEGIN_DECLS

/* For tests only: forgets the catalogues read so far, so the next lookup
 * reads them again (from a changed UPPHANDLA_LOCALEDIR). Strings returned
 * before are freed: nothing else may run lookups meanwhile. */
void _up_lang_reload (void);

G_END_DECLS
