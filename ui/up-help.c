/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-help"

#include "config.h"

#include "up-help.h"

/* The guide's folder under help/LANG/ of a data folder: the same in every
 * profile, so that a development build opens the guide it was built with. */
#define HELP_ID "upphandla"

/* The address of @page of the guide, NULL or "index" for its front page. */
static char *
help_uri (const char *page)
{
  if (page == NULL || *page == '\0' || g_str_equal (page, "index"))
    return g_strdup ("help:" HELP_ID);

  return g_strconcat ("help:" HELP_ID "/", page, NULL);
}

static void
on_launched (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (g_app_info_launch_default_for_uri_finish (result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
up_help_show_async (GtkWidget           *widget,
                    const char          *page,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GdkAppLaunchContext) context = NULL;
  g_autofree char *uri = help_uri (page);
  const char *tree = g_getenv ("UPPHANDLA_HELP_DATADIR");
  GTask *task;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  task = g_task_new (widget, cancellable, callback, user_data);
  g_task_set_source_tag (task, up_help_show_async);

  context = gdk_display_get_app_launch_context (gtk_widget_get_display (widget));
  if (tree != NULL && *tree != '\0')
    {
      const char *dirs = g_getenv ("XDG_DATA_DIRS");
      g_autofree char *value = NULL;

      /* the defaults the XDG base directory specification gives */
      if (dirs == NULL || *dirs == '\0')
        dirs = "/usr/local/share:/usr/share";
      value = g_strconcat (tree, G_SEARCHPATH_SEPARATOR_S, dirs, NULL);
      g_app_launch_context_setenv (G_APP_LAUNCH_CONTEXT (context), "XDG_DATA_DIRS", value);
    }

  /* The program the desktop has for "help:" addresses (yelp); in a
   * Flatpak GLib turns to the desktop portal where the sandbox has none. */
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), cancellable,
                                           on_launched, task);
}

gboolean
up_help_show_finish (GtkWidget     *widget,
                     GAsyncResult  *result,
                     GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, widget), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
