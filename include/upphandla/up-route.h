/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-project.h"

G_BEGIN_DECLS

/* A way to procure, to lay a new project out from. */
typedef struct
{
  const char *id;            /* "standard", "innovation", ... */
  const char *name;          /* untranslated */
  const char *description;   /* untranslated, one sentence */
} UpRoute;

guint          up_route_get_n_routes (void);
const UpRoute *up_route_get          (guint        index);
gboolean       up_route_apply        (UpProject   *project,
                                      const char  *id,
                                      const char  *start_date,
                                      GError     **error);

G_END_DECLS
