/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most of a user's text (a title, a name) that a dialog's heading or
 * a toast quotes, in characters. */
#define UP_TEXT_UTIL_QUOTE_CHARS 60

/* @text whole when it has at most @max_chars characters, else its start
 * and "…", @max_chars characters in all, cut between two characters a
 * reader sees as one (an emoji of several code points, a flag, a letter
 * and its accent stay whole). */
char *up_text_util_excerpt (const char *text,
                            guint       max_chars);

/* @text as a search as you type compares it: case folded and composed
 * (a letter typed with a combining accent is the letter), and without
 * accents other than those of å, ä and ö, which are letters of their own
 * in Swedish ("andre" finds "André", "oberg" does not find "Öberg"). */
char     *up_text_util_search_key (const char *text);

/* Whether @text holds @key, a search key made by up_text_util_search_key(). */
gboolean  up_text_util_matches    (const char *text,
                                   const char *key);

/* @labels, NULL-terminated, each with an access key of its own: the first
 * letter of a word that no label before it took, else any such letter
 * (a "_" of the label itself is doubled). A label with none left has
 * none. Free with g_strfreev(). */
char    **up_text_util_add_mnemonics (const char * const *labels);

/* A toast's @message with @details (strings; may be empty) after it in
 * brackets: "Added 3 stakeholders from “x.csv” (2 already in the
 * register, 1 line without a name)". */
char     *up_text_util_with_details  (const char *message,
                                      GPtrArray  *details);

G_END_DECLS
