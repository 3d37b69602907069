/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A field of one line holds at most 65,534 bytes (GtkEntryBuffer), and
 * GTK cuts a longer paste there without a word: the cut text would then
 * be committed as if typed. With the guard, a paste into @entry that does
 * not fit is refused, with a toast in the window that says so; a paste
 * that fits goes in as GTK's own does. */
void     up_paste_guard_attach (GtkEntry   *entry);

/* Whether @text fits whole in a field of one line. A longer text (an
 * import, another tool) is shown there cut, and committing the field
 * would cut it in the project: the views make such a field read-only. */
gboolean up_paste_guard_fits   (const char *text);

/* What a field made read-only by a text that does not fit says, in its
 * tooltip: why it cannot be edited, and that nothing is lost. */
const char *up_paste_guard_too_long_reason (void);

G_END_DECLS
