/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Help (F1, and Help in the main menu) opens the user's guide in the
 * desktop's help viewer, under Xvfb, in English and in Swedish.
 *
 * The viewer is a program of the test's own, made the desktop's handler of
 * "help:" addresses in the test's XDG_DATA_HOME and XDG_CONFIG_HOME before
 * GLib reads them: it writes down the address it was given and the data
 * folders it was started with. F1 on each view opens that view's page of
 * the guide, and the page is there, in the interface's language, in the
 * first data folder the viewer searches (the guide as built, for this
 * uninstalled build). Where no program handles "help:" (every one the
 * system has is removed from the test's associations: HELP_TEST_VIEWER=none)
 * a dialog says what to install. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "up-window.h"
#include "ui-test-util.h"
#include "test-common.h"

#define VIEWER_ID "upphandla-test-help.desktop"

typedef WindowFixture Fixture;

/* Where the viewer writes what it was given, and whether there is one. */
static char *launched_path;
static gboolean with_viewer;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  window_fixture_set_up (fixture, 1200, 800);
  show_window (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  window_fixture_tear_down (fixture);
}

/* The lines the viewer wrote: the address, XDG_DATA_DIRS, LANGUAGE. */
static char **
wait_for_launch (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  char **lines;

  wait_until (file_is_there, launched_path);
  g_file_get_contents (launched_path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (launched_path), ==, 0);
  lines = g_strsplit (contents, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);

  return lines;
}

/* The guide's page @page as the viewer finds it: help/LANG/upphandla/ of
 * the first of its data folders that has one, LANG the interface's
 * language or C. */
static void
assert_page_found (const char *data_dirs,
                   const char *page)
{
  g_auto(GStrv) dirs = g_strsplit (data_dirs, G_SEARCHPATH_SEPARATOR_S, -1);
  const char *lang = g_str_equal (test_language (), "sv") ? "sv" : "C";
  g_autofree char *name = g_strconcat (page, ".page", NULL);
  g_autofree char *path = g_build_filename (dirs[0], "help", lang, "upphandla", name, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* the guide as built comes first, before the system's folders */
  g_assert_cmpstr (dirs[0], ==, g_getenv ("UPPHANDLA_HELP_DATADIR"));
  g_assert_nonnull (dirs[1]);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *id = g_strdup_printf ("id=\"%s\"", page);

    g_assert_nonnull (strstr (contents, id));
  }
  /* the Swedish page is the translated one, not a copy of the English */
  if (g_str_equal (lang, "sv"))
    g_assert_null (strstr (contents, "<title>Upphandla Help</title>"));
}

static void
test_opens_page_of_view (Fixture       *fixture,
                         gconstpointer  user_data)
{
  static const char * const views[] = {
    "timeline", "stakeholders", "notes", "agenda", "local-goals",
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      g_auto(GStrv) lines = NULL;
      g_autofree char *expected = g_strconcat ("help:upphandla/", views[i], NULL);

      show_view (fixture, views[i]);
      g_assert_true (run_key_binding (GTK_WIDGET (fixture->window), GDK_KEY_F1, 0));
      lines = wait_for_launch ();
      g_assert_cmpstr (lines[0], ==, expected);
      assert_page_found (lines[1], views[i]);
      /* the viewer shows the guide in the language of the interface */
      g_assert_cmpstr (lines[2], ==, g_getenv ("LANGUAGE"));
    }
}

/* Help chosen in the menu of @button. */
static void
choose_help_in_menu (GtkMenuButton *button)
{
  GtkWidget *popover, *item;

  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  wait_until (is_mapped, popover);
  item = menu_item (popover, _("_Help"));
  g_assert_nonnull (item);
  g_assert_true (gtk_widget_is_sensitive (item));
  g_signal_emit_by_name (item, "clicked");
}

/* Help in the main menu, on the start page of a window without a
 * project: the guide's front page. */
static void
test_menu_on_start_page (void)
{
  g_autoptr(UpWindow) window = g_object_ref_sink (up_window_new (NULL, NULL));
  g_auto(GStrv) lines = NULL;

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_until (is_mapped, window);
  wait_for_frames (GTK_WIDGET (window));

  choose_help_in_menu (template_child (window, UP_TYPE_WINDOW, "start_menu_button"));

  lines = wait_for_launch ();
  g_assert_cmpstr (lines[0], ==, "help:upphandla");
  assert_page_found (lines[1], "index");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Help in the main menu of a project's window. */
static void
test_menu_on_project (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_auto(GStrv) lines = NULL;

  show_view (fixture, "notes");
  choose_help_in_menu (template_child (fixture->window, UP_TYPE_WINDOW, "primary_menu_button"));

  lines = wait_for_launch ();
  g_assert_cmpstr (lines[0], ==, "help:upphandla/notes");
}

static void
test_no_viewer (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GAppInfo) handler = g_app_info_get_default_for_uri_scheme ("help");
  AdwMessageDialog *dialog;

  /* nothing on this system opens "help:" for the test */
  g_assert_null (handler);

  g_assert_true (run_key_binding (GTK_WIDGET (fixture->window), GDK_KEY_F1, 0));
  wait_until (is_message_dialog_shown, fixture->window);
  dialog = get_message_dialog (GTK_WINDOW (fixture->window));
  wait_until (is_mapped, dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, _("Could Not Open the Help"));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==,
                   _("The guide opens in the desktop’s help viewer, which is not installed. "
                     "Install Help (the package “yelp”) from the software centre."));
  save_screenshot (GTK_WIDGET (dialog), g_str_equal (test_language (), "sv") ? "help-no-viewer-sv.png"
                                                                            : "help-no-viewer-en.png");
  respond_to_dialog (GTK_WINDOW (fixture->window), "close");
  g_assert_false (g_file_test (launched_path, G_FILE_TEST_EXISTS));
}

/* The programs that handle "help:" on this system (yelp), from the
 * desktop files of the system's data folders, read without GIO, whose
 * lists are read once. */
static GPtrArray *
system_help_handlers (void)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  const char * const *dirs = g_get_system_data_dirs ();

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *apps = g_build_filename (dirs[i], "applications", NULL);
      g_autoptr(GDir) dir = g_dir_open (apps, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (apps, name, NULL);
          g_autoptr(GKeyFile) file = g_key_file_new ();
          g_auto(GStrv) types = NULL;

          if (!g_str_has_suffix (name, ".desktop") ||
              !g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, NULL))
            continue;
          types = g_key_file_get_string_list (file, "Desktop Entry", "MimeType", NULL, NULL);
          if (types != NULL && g_strv_contains ((const char * const *) types, "x-scheme-handler/help"))
            g_ptr_array_add (ids, g_strdup (name));
        }
    }

  return ids;
}

/* The test's handler of "help:" (or none), written before GLib first
 * reads the desktop's applications. */
static void
set_up_viewer (const char *work)
{
  const char *data_home = g_getenv ("XDG_DATA_HOME");
  const char *config_home = g_getenv ("XDG_CONFIG_HOME");
  g_autofree char *apps = NULL, *script = NULL, *desktop = NULL, *mimeapps = NULL;
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GPtrArray) system = system_help_handlers ();
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (data_home);
  g_assert_nonnull (config_home);
  apps = g_build_filename (data_home, "applications", NULL);
  g_assert_cmpint (g_mkdir_with_parents (apps, 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (config_home, 0700), ==, 0);
  desktop = g_build_filename (apps, VIEWER_ID, NULL);
  g_unlink (desktop);

  launched_path = g_build_filename (work, "launched", NULL);
  if (with_viewer)
    {
      g_autofree char *script_text = NULL, *desktop_text = NULL;

      script = g_build_filename (work, "viewer.sh", NULL);
      /* written whole, then renamed: the test reads it once it is there */
      script_text = g_strdup_printf ("#!/bin/sh\n"
                                     "printf '%%s\\n%%s\\n%%s\\n' \"$1\" \"$XDG_DATA_DIRS\" \"$LANGUAGE\" > '%s.part'\n"
                                     "mv '%s.part' '%s'\n",
                                     launched_path, launched_path, launched_path);
      g_file_set_contents_full (script, script_text, -1, G_FILE_SET_CONTENTS_NONE, 0700, &error);
      g_assert_no_error (error);
      desktop_text = g_strdup_printf ("[Desktop Entry]\n"
                                      "Type=Application\n"
                                      "Name=Help Viewer of the Tests\n"
                                      "Exec=%s %%u\n"
                                      "NoDisplay=true\n"
                                      "MimeType=x-scheme-handler/help;\n",
                                      script);
      g_file_set_contents (desktop, desktop_text, -1, &error);
      g_assert_no_error (error);
      g_string_append (list, "[Default Applications]\nx-scheme-handler/help=" VIEWER_ID "\n");
    }
  if (system->len > 0)
    {
      g_string_append (list, "[Removed Associations]\nx-scheme-handler/help=");
      for (guint i = 0; i < system->len; i++)
        g_string_append_printf (list, "%s;", (const char *) system->pdata[i]);
      g_string_append_c (list, '\n');
    }
  mimeapps = g_build_filename (config_home, "mimeapps.list", NULL);
  g_file_set_contents (mimeapps, list->str, -1, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *work = NULL;
  int status;

  with_viewer = g_strcmp0 (g_getenv ("HELP_TEST_VIEWER"), "none") != 0;
  ui_test_init (&argc, &argv, NULL);
  work = g_dir_make_tmp ("upphandla-help-XXXXXX", NULL);
  g_assert_nonnull (work);
  /* GLib reads the desktop's applications at the first launch, after this */
  set_up_viewer (work);

  if (with_viewer)
    {
      g_test_add ("/ui/help/page-of-view", Fixture, NULL, fixture_set_up, test_opens_page_of_view,
                  fixture_tear_down);
      g_test_add ("/ui/help/menu", Fixture, NULL, fixture_set_up, test_menu_on_project,
                  fixture_tear_down);
      g_test_add_func ("/ui/help/start-page", test_menu_on_start_page);
    }
  else
    {
      g_test_add ("/ui/help/no-viewer", Fixture, NULL, fixture_set_up, test_no_viewer,
                  fixture_tear_down);
    }

  status = g_test_run ();
  g_unlink (launched_path);
  {
    g_autofree char *script = g_build_filename (work, "viewer.sh", NULL);

    g_unlink (script);
  }
  g_rmdir (work);
  g_free (launched_path);

  return status;
}
