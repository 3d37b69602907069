/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upphandla.h"

G_BEGIN_DECLS

/* Projects made for tests, shared by the core and the GUI tests. */

/* A plan of @n_stages stages called "Stage 0001" and so on, a week apart
 * from 5 January 2026, each six days long and serving a goal (goal 1 + i
 * mod 17, positive, strength 1 + i mod 3); in memory, with no file. */
UpProject *test_long_project (guint n_stages);

/* Adds @n stakeholders ("citizen") to @project, as many in each of the
 * power/interest grid's 25 cells (influence 1 + (i / 5) mod 5, interest
 * 1 + i mod 5), their stances going round all four, their names long.
 * With @distinct, "Margareta Lindqvistberg" and so on: each name's last
 * word is that of only 15 people, @n at most 300, and no name is cut in
 * its cell; else some are ("Anna-Karin Andersson-Lindqvist"), many
 * alike. */
void test_add_crowd (UpProject *project,
                     guint      n,
                     gboolean   distinct);

G_END_DECLS
