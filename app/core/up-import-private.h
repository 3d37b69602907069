/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @text case folded, its runs of white space one space, none around. */
char *_up_import_fold       (const char *text);

/* The key of a stakeholder in a register: name and organisation, case and
 * spacing aside. Two people of one key are one person, for Import
 * Stakeholders and for a merged copy alike. */
char *_up_import_person_key (const char *name,
                             const char *organisation);

G_END_DECLS
