/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upphandla.h"

G_BEGIN_DECLS

/* Projects made for tests, shared by the core and the GUI tests. */

/* A plan of @n_stages stages called "Stage 0001" and so on, a week apart
 * from 5 January 2026, each six days long and serving a goal (goal 1 + i
 * mod 17, positive, strength 1 + i mod 3); in memory, with no file. */
UpProject *test_long_project (guint n_stages);

G_END_DECLS
