/* SPDX-License-Identifier: GPL-3.0-or-later */

/* setresuid() and setresgid() */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <grp.h>
#include <libintl.h>
#include <locale.h>
#include <stdarg.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-common.h"

gboolean
test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    g_chmod (path, 0755);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        test_remove_tree (child);
      else
        g_unlink (child);
    }
  return g_rmdir (path) == 0 || !g_file_test (path, G_FILE_TEST_EXISTS);
}

char *
test_new_dir (const char *root,
              const char *name)
{
  static guint counter;
  g_autofree char *leaf = g_strdup_printf ("%02u-%s", ++counter, name);
  char *path = g_build_filename (root, leaf, NULL);

  g_assert_cmpint (g_mkdir (path, 0755), ==, 0);
  g_assert_cmpint (g_chmod (path, 0755), ==, 0);
  return path;
}

GBytes *
test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize size = 0;

  g_file_get_contents (path, &data, &size, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, size);
}

void
test_write_bytes (const char *path,
                  const void *data,
                  gsize       size)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, size, &error);
  g_assert_no_error (error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

char *
test_list_dir (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("/", (char **) names->pdata);
}

gboolean
test_drop_to_nobody (void)
{
  if (geteuid () != 0)
    return TRUE;
  return setgroups (0, NULL) == 0 &&
         setresgid (TEST_NOBODY, TEST_NOBODY, TEST_NOBODY) == 0 &&
         setresuid (TEST_NOBODY, TEST_NOBODY, TEST_NOBODY) == 0 &&
         geteuid () == TEST_NOBODY;
}

int
test_run_child (const char *mode,
                ...)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_assert_no_error (error);
  g_ptr_array_add (argv, self);
  g_ptr_array_add (argv, (gpointer) "--child");
  g_ptr_array_add (argv, (gpointer) mode);
  va_start (args, mode);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (out != NULL && out[0] != '\0')
    g_test_message ("child %s, stdout: %s", mode, out);
  if (err != NULL && err[0] != '\0')
    g_test_message ("child %s, stderr: %s", mode, err);
  if (WIFEXITED (status))
    return WEXITSTATUS (status);
  g_test_message ("child %s ended by signal %d", mode, WTERMSIG (status));
  return -1;
}

gboolean
test_have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

char *
test_composed (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_combining_class (g_utf8_get_char (p)) != 0)
      return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  return g_strdup (text);
}

char *
test_one_line (const char *text)
{
  g_autofree char *composed = test_composed (text);
  GString *line = g_string_new (NULL);

  for (const char *p = composed; *p != '\0'; p++)
    {
      if (*p == '\r' && p[1] == '\n')
        continue;
      g_string_append_c (line, *p == '\r' || *p == '\n' || *p == '\t' ? ' ' : *p);
    }
  g_strstrip (line->str);

  return g_string_free (line, FALSE);
}

gboolean
test_speak_swedish (const char *domain,
                    const char *localedir)
{
  if (setlocale (LC_ALL, "sv_SE.UTF-8") == NULL)
    {
      g_test_skip ("the sv_SE.UTF-8 locale is not installed (localedef -i sv_SE -f UTF-8 sv_SE.UTF-8)");
      return FALSE;
    }
  g_setenv ("LANGUAGE", "sv", TRUE);
  bindtextdomain (domain, localedir);
  bind_textdomain_codeset (domain, "UTF-8");
  textdomain (domain);
  return TRUE;
}
