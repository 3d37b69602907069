/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Helpers shared by the test programs of every suite. */

/* Removes @path and everything below it, making folders writable first
 * (tests leave read-only folders behind on purpose) and never following a
 * link out of the tree. Returns whether @path is gone. */
gboolean test_remove_tree (const char *path);

/* A new folder below @root, numbered in the order of creation so that a
 * kept test tree reads in the order the tests ran. */
char    *test_new_dir     (const char *root,
                           const char *name);

GBytes  *test_read_bytes  (const char *path);
void     test_write_bytes (const char *path,
                           const void *data,
                           gsize       size);
/* The process in Swedish, from @domain's catalogue in @localedir: the
 * locale sv_SE.UTF-8, LANGUAGE=sv, @domain bound there and the default.
 * FALSE, the test skipped, where that locale is not installed. */
gboolean test_speak_swedish (const char *domain,
                             const char *localedir);
/* The names in @dir, hidden ones too, sorted and joined by "/". */
char    *test_list_dir    (const char *dir);
/* Asserts what test_list_dir() gives for @dir. */
#define test_assert_dir_is(dir, expected) \
  G_STMT_START { \
    g_autofree char *test_listing_ = test_list_dir (dir); \
    g_assert_cmpstr (test_listing_, ==, (expected)); \
  } G_STMT_END

/* @text as the project keeps it in a field of one line (anything but a
 * description or a note's text): composed (NFC), each line break (CR, LF,
 * CRLF) and tab a space, no blanks before or after. */
char    *test_one_line    (const char *text);
/* @text composed (NFC), as the project keeps all text. */
char    *test_composed    (const char *text);

/* Whether @name is a program on the PATH. */
gboolean test_have_program (const char *name);

/* The uid and gid of nobody on Debian. */
#define TEST_NOBODY 65534

/* In a child of a test run as root: drops to nobody, so that file
 * permissions apply (root ignores them). TRUE when not root already. */
gboolean test_drop_to_nobody (void);

/* Runs this test program again as a child: `PROGRAM --child MODE ARGS...`
 * (@... is a NULL-terminated list of strings); its output goes to the TAP
 * log. Returns its exit status, or -1 when a signal ended it. */
int      test_run_child   (const char *mode,
                           ...) G_GNUC_NULL_TERMINATED;

G_END_DECLS
