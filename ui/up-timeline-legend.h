/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-timeline.h"

G_BEGIN_DECLS

/* The key to what @timeline draws: the colours of the phases, how a
 * stage shows it is planned, in progress or done, the diamond, today's
 * line, the notes' pin and the goals' chips, each beside a sample that
 * @timeline draws itself, in its colours. At most @max_height pixels high
 * (none when -1); beyond that it scrolls. */
GtkWidget *up_timeline_legend_new (UpTimeline *timeline,
                                   int         max_height);

G_END_DECLS
