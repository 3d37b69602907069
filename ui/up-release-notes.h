/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The resource that holds the metainfo file as the build merged it, with
 * each translated paragraph beside its English source. */
#define UP_RELEASE_NOTES_RESOURCE "/io/github/upphandla/Upphandla/metainfo.xml"

char *up_release_notes_from_metainfo (const char         *metainfo,
                                      gssize              length,
                                      const char         *version,
                                      const char * const *languages);

char *up_release_notes_for_version   (const char         *version);

G_END_DECLS
